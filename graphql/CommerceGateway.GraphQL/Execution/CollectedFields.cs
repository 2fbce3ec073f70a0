using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The grouped field set of a selection: response keys in order, each with the field nodes merged under it.</summary>
internal sealed class CollectedFields
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public List<(string Key, List<FieldNode> Nodes)> Fields { get; } = [];

    public int Count => Fields.Count;

    public void Add(FieldNode node)
    {
        var key = node.ResponseKey;
        if (_index.TryGetValue(key, out var position))
        {
            Fields[position].Nodes.Add(node);
            return;
        }

        _index[key] = Fields.Count;
        Fields.Add((key, [node]));
    }
}
