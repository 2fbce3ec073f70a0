namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>
/// The source's invalid-JSON payment answer (<c>completed_at</c> unquoted), switched on per request
/// with the header <c>X-OrderFlow-Quirk: unquoted-completed-at</c> or for the next N payments with
/// <c>PUT /orderflow/_quirks</c>. The shared <c>malformed</c> fault cannot be used: its filter
/// answers a truncated body before any OrderFlow handler runs.
/// </summary>
internal sealed class OrderFlowQuirks
{
    public const string Header = "X-OrderFlow-Quirk";
    public const string UnquotedCompletedAt = "unquoted-completed-at";

    private readonly Lock _gate = new();
    private int? _remaining;
    private bool _enabled;

    public QuirkState State
    {
        get
        {
            lock (_gate)
            {
                return new QuirkState(_enabled, _remaining);
            }
        }
    }

    public void Set(QuirkState state)
    {
        lock (_gate)
        {
            _enabled = state.UnquotedCompletedAt;
            _remaining = state.Times;
        }
    }

    /// <summary>True when this payment answer must reproduce the source's invalid JSON; uses up a counted switch.</summary>
    public bool TakeUnquotedCompletedAt(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(Header, out var header)
            && header.ToString().Split(',', StringSplitOptions.TrimEntries).Contains(UnquotedCompletedAt, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        lock (_gate)
        {
            if (!_enabled)
            {
                return false;
            }

            if (_remaining is { } remaining)
            {
                _remaining = remaining - 1;
                _enabled = remaining > 1;
            }

            return true;
        }
    }

    /// <summary>The protocol-wide switch: on for the next <see cref="Times"/> payments, or until cleared when null.</summary>
    internal sealed record QuirkState(bool UnquotedCompletedAt, int? Times = null);
}
