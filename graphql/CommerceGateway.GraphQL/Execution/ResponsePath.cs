namespace CommerceGateway.GraphQL.Execution;

/// <summary>An immutable linked response path; cheap to extend for every field and list item.</summary>
internal sealed class ResponsePath(ResponsePath? parent, object key)
{
    private static readonly object[] Indexes = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    public ResponsePath? Parent { get; } = parent;

    public object Key { get; } = key;

    /// <summary>A list index as a path key, boxed once for the common small ones.</summary>
    public static object Index(int index) => (uint)index < (uint)Indexes.Length ? Indexes[index] : index;

    public IReadOnlyList<object> ToList()
    {
        var segments = new List<object>();
        for (var current = this; current is not null; current = current.Parent)
        {
            segments.Add(current.Key);
        }

        segments.Reverse();
        return segments;
    }
}
