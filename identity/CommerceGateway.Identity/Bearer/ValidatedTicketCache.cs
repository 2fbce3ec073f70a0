using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// Validated tickets by the exact token string, looked up straight from the <c>Authorization</c>
/// header's characters (no substring per request). An entry is handed out only before its token's
/// <c>exp</c> on the injected clock; at most <c>capacity</c> entries are held.
/// </summary>
internal sealed class ValidatedTicketCache
{
    private readonly ConcurrentDictionary<string, ValidatedTicket> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ValidatedTicket>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly TimeProvider _time;
    private readonly int _capacity;

    public ValidatedTicketCache(TimeProvider time, int capacity)
    {
        _time = time;
        _capacity = capacity;
        _byChars = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _entries.Count;

    public bool TryGet(ReadOnlySpan<char> token, [NotNullWhen(true)] out ValidatedTicket? ticket)
    {
        if (_byChars.TryGetValue(token, out ticket))
        {
            if (ticket.Expires > _time.GetUtcNow())
            {
                return true;
            }

            _byChars.TryRemove(token, out _);
        }

        ticket = null;
        return false;
    }

    public void Forget(ReadOnlySpan<char> token) => _byChars.TryRemove(token, out _);

    public void Remember(string token, ValidatedTicket ticket)
    {
        var now = _time.GetUtcNow();
        if (_capacity == 0 || ticket.Expires <= now)
        {
            return;
        }

        BoundedTokenCache.MakeRoom(_entries, _capacity, entry => entry.Expires <= now);
        _entries[token] = ticket;
    }
}
