using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>An ordered response object; keys keep the order of the selection set, as the spec requires.</summary>
internal sealed class ResultMap(int capacity) : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys = new string[capacity];
    private readonly object?[] _values = new object?[capacity];

    public int Count { get; private set; }

    public IEnumerable<string> Keys => _keys.Take(Count);

    public IEnumerable<object?> Values => _values.Take(Count);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public void Set(int index, string key, object? value)
    {
        _keys[index] = key;
        _values[index] = value;
        Count = Math.Max(Count, index + 1);
    }

    public string KeyAt(int index) => _keys[index];

    public object? ValueAt(int index) => _values[index];

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key, 0, Count) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(_keys, key, 0, Count);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
