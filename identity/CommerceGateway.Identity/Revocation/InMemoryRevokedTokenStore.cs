using System.Collections.Concurrent;

namespace CommerceGateway.Identity;

/// <summary>
/// Revoked token ids in process memory, for a single process. Entries disappear once their token has
/// expired, measured with the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class InMemoryRevokedTokenStore : IRevokedTokenStore
{
    private const int SweepThreshold = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _writesSinceSweep;

    /// <summary>Creates an empty list.</summary>
    /// <param name="time">The clock that decides when entries expire.</param>
    public InMemoryRevokedTokenStore(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>How many entries are held, expired ones included until the next sweep.</summary>
    public int Count => _revoked.Count;

    /// <inheritdoc />
    public Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        _revoked.AddOrUpdate(tokenId, expiresAt, (_, existing) => existing > expiresAt ? existing : expiresAt);
        if (Interlocked.Increment(ref _writesSinceSweep) >= SweepThreshold)
        {
            Interlocked.Exchange(ref _writesSinceSweep, 0);
            Sweep();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenId);
        if (!_revoked.TryGetValue(tokenId, out var expiresAt))
        {
            return Task.FromResult(false);
        }

        if (expiresAt > _time.GetUtcNow())
        {
            return Task.FromResult(true);
        }

        _revoked.TryRemove(new KeyValuePair<string, DateTimeOffset>(tokenId, expiresAt));
        return Task.FromResult(false);
    }

    /// <summary>Drops every entry whose token has expired.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _revoked)
        {
            if (entry.Value <= now)
            {
                _revoked.TryRemove(entry);
            }
        }
    }
}
