using System.Collections;

namespace CommerceGateway.Gateway.Operations.Logging;

/// <summary>
/// The state handed to the real providers: the redacted values and message. It keeps the
/// structured-state shape (a list of pairs) so JSON console output still has named fields.
/// </summary>
internal sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<RedactedLogState, Exception?, string> Format = static (state, _) => state.Message;

    public string Message { get; } = message;

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
