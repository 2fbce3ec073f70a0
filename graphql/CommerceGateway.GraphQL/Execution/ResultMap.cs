using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// An ordered response object; keys keep the order of the selection set, as the spec requires. The
/// keys belong to the field set (shared by every object it produces), so an object costs one array.
/// </summary>
internal sealed class ResultMap(CollectedFields fields) : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys = fields.Keys;
    private readonly object?[] _values = new object?[fields.Count];

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<object?> Values => _values;

    /// <summary>The keys as the JSON writer writes them.</summary>
    public JsonEncodedText[] EncodedKeys { get; } = fields.EncodedKeys;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public void Set(int index, object? value) => _values[index] = value;

    public string KeyAt(int index) => _keys[index];

    public object? ValueAt(int index) => _values[index];

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(_keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
