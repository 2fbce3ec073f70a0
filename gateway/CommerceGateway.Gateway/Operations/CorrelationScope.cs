using System.Collections;

namespace CommerceGateway.Gateway.Operations;

/// <summary>
/// The logging scope of one request: a single <c>CorrelationId</c> pair. A one-entry list instead
/// of a Dictionary per request; providers read it the same way (as key/value pairs).
/// </summary>
internal sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object>>
{
    public const string Key = "CorrelationId";

    public int Count => 1;

    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new(Key, id) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key}:{id}";
}
