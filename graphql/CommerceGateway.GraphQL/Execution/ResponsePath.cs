namespace CommerceGateway.GraphQL.Execution;

/// <summary>An immutable linked response path; cheap to extend for every field and list item.</summary>
internal sealed class ResponsePath(ResponsePath? parent, object key)
{
    public ResponsePath? Parent { get; } = parent;

    public object Key { get; } = key;

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
