using System.Collections.Concurrent;

namespace CommerceGateway.Identity;

/// <summary>
/// Used assertion ids in process memory, for a single process. Entries disappear once their assertion
/// has expired, measured with the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class InMemoryUsedAssertionStore : IUsedAssertionStore
{
    private const int SweepThreshold = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _writesSinceSweep;

    /// <summary>Creates an empty store.</summary>
    /// <param name="time">The clock that decides when entries expire.</param>
    public InMemoryUsedAssertionStore(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <inheritdoc />
    public Task<bool> TryRecordAsync(string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(assertionId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _writesSinceSweep) >= SweepThreshold)
        {
            Interlocked.Exchange(ref _writesSinceSweep, 0);
            Sweep(now);
        }

        if (expiresAt <= now)
        {
            // Nothing left to guard, and a caller must not take an expired assertion as a first use.
            return Task.FromResult(false);
        }

        while (true)
        {
            if (_used.TryAdd(assertionId, expiresAt))
            {
                return Task.FromResult(true);
            }

            if (_used.TryGetValue(assertionId, out var existing))
            {
                if (existing > now)
                {
                    return Task.FromResult(false);
                }

                // Expired: take its place only if nobody else did meanwhile.
                if (_used.TryUpdate(assertionId, expiresAt, existing))
                {
                    return Task.FromResult(true);
                }
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var entry in _used)
        {
            if (entry.Value <= now)
            {
                _used.TryRemove(entry);
            }
        }
    }
}
