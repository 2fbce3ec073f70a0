using System.Text.Json;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// The grouped field set of a selection on one object type: response keys in order, each with the
/// field nodes merged under it. Part of an <see cref="ExecutionPlan"/>, so requests that share the
/// plan share these and the caches their fields fill.
/// </summary>
internal sealed class CollectedFields
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<CollectedField> _building = [];
    private CollectedField[] _fields = [];
    private string[] _keys = [];
    private JsonEncodedText[] _encodedKeys = [];

    public IReadOnlyList<CollectedField> Fields => _fields;

    public int Count => _fields.Length;

    /// <summary>The response keys in order; every result object of this field set shares the array.</summary>
    public string[] Keys => _keys;

    /// <summary>The keys encoded once for the JSON writer.</summary>
    public JsonEncodedText[] EncodedKeys => _encodedKeys;

    public void Add(FieldNode node)
    {
        var key = node.ResponseKey;
        if (_index.TryGetValue(key, out var position))
        {
            _building[position].Nodes.Add(node);
            return;
        }

        _index[key] = _building.Count;
        _building.Add(new CollectedField(key, node));
    }

    /// <summary>Ends collection: the field set is read-only from here on and may be shared between threads.</summary>
    public CollectedFields Complete()
    {
        _fields = [.. _building];
        _keys = _fields.Select(f => f.Key).ToArray();
        _encodedKeys = _keys.Select(k => JsonEncodedText.Encode(k, ExecutionResult.WriterOptions.Encoder)).ToArray();
        _building.Clear();
        _index.Clear();
        return this;
    }
}
