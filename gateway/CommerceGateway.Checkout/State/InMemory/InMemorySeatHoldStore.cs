using CommerceGateway.Adapters.State;

namespace CommerceGateway.Checkout.State.InMemory;

/// <summary>
/// Seat holds in process memory, the embedded default for a single gateway. One lock makes every
/// operation atomic; expiry follows <see cref="TimeProvider"/>, and lapsed holds are dropped when touched.
/// </summary>
internal sealed class InMemorySeatHoldStore(TimeProvider timeProvider) : ISeatHoldStore
{
    private const int SweepInterval = 1024;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SeatHold> _seats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _byHolder = new(StringComparer.Ordinal);
    // Seeded from the clock in microseconds, as the Redis store does, so tokens grow across process restarts too.
    private long _fencingToken = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    private int _acquisitionsSinceSweep;

    public Task<SeatHoldResult> AcquireAsync(string holder, IReadOnlyCollection<string> seatIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.AcquisitionSeats(seatIds, nameof(seatIds));
        StateArguments.Ttl(ttl, nameof(ttl));
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            SweepNowAndThen(now);
            var conflicts = new List<string>();
            foreach (var seatId in seats)
            {
                var hold = Current(seatId, now);
                if (hold is not null && !string.Equals(hold.Holder, holder, StringComparison.Ordinal))
                {
                    conflicts.Add(seatId);
                }
            }

            if (conflicts.Count > 0)
            {
                return Task.FromResult(SeatHoldResult.Conflict(conflicts));
            }

            var token = ++_fencingToken;
            var expiresAt = now + ttl;
            foreach (var seatId in seats)
            {
                _seats[seatId] = new SeatHold(seatId, holder, expiresAt, token);
                HolderSeats(holder).Add(seatId);
            }

            return Task.FromResult(SeatHoldResult.Success(token, expiresAt));
        }
    }

    public Task<IReadOnlyList<SeatHold>> ExtendAsync(string holder, IReadOnlyCollection<string>? seatIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.OptionalSeats(seatIds, nameof(seatIds));
        StateArguments.Ttl(ttl, nameof(ttl));
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var extended = new List<SeatHold>();
            foreach (var hold in OwnedBy(holder, seats, now))
            {
                var renewed = hold with { ExpiresAt = now + ttl };
                _seats[hold.SeatId] = renewed;
                extended.Add(renewed);
            }

            return Task.FromResult<IReadOnlyList<SeatHold>>(extended);
        }
    }

    public Task ReleaseAsync(string holder, IReadOnlyCollection<string>? seatIds, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.OptionalSeats(seatIds, nameof(seatIds));
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            foreach (var hold in OwnedBy(holder, seats, timeProvider.GetUtcNow()))
            {
                _seats.Remove(hold.SeatId);
                Forget(holder, hold.SeatId);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<SeatHold>> GetHoldsAsync(string holder, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SeatHold>>(OwnedBy(holder, null, timeProvider.GetUtcNow()));
        }
    }

    public Task<SeatHold?> GetSeatAsync(string seatId, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(seatId, nameof(seatId));
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return Task.FromResult(Current(seatId, timeProvider.GetUtcNow()));
        }
    }

    /// <summary>The live holds of <paramref name="holder"/> among <paramref name="seats"/> (all when null), by seat id.</summary>
    private List<SeatHold> OwnedBy(string holder, string[]? seats, DateTimeOffset now)
    {
        IEnumerable<string> candidates = seats ?? (_byHolder.TryGetValue(holder, out var all) ? [.. all] : []);
        var owned = new List<SeatHold>();
        foreach (var seatId in candidates)
        {
            var hold = Current(seatId, now);
            if (hold is not null && string.Equals(hold.Holder, holder, StringComparison.Ordinal))
            {
                owned.Add(hold);
            }
        }

        owned.Sort((a, b) => string.CompareOrdinal(a.SeatId, b.SeatId));
        return owned;
    }

    /// <summary>The live hold on a seat; a lapsed hold is removed on the way.</summary>
    private SeatHold? Current(string seatId, DateTimeOffset now)
    {
        if (!_seats.TryGetValue(seatId, out var hold))
        {
            return null;
        }

        if (hold.ExpiresAt > now)
        {
            return hold;
        }

        _seats.Remove(seatId);
        Forget(hold.Holder, seatId);
        return null;
    }

    /// <summary>Drops every lapsed hold once in a while, so holds nobody touches again do not pile up.</summary>
    private void SweepNowAndThen(DateTimeOffset now)
    {
        if (++_acquisitionsSinceSweep < SweepInterval)
        {
            return;
        }

        _acquisitionsSinceSweep = 0;
        foreach (var seatId in _seats.Keys.ToArray())
        {
            Current(seatId, now);
        }
    }

    private SortedSet<string> HolderSeats(string holder)
    {
        if (!_byHolder.TryGetValue(holder, out var seats))
        {
            seats = new SortedSet<string>(StringComparer.Ordinal);
            _byHolder[holder] = seats;
        }

        return seats;
    }

    private void Forget(string holder, string seatId)
    {
        if (_byHolder.TryGetValue(holder, out var seats) && seats.Remove(seatId) && seats.Count == 0)
        {
            _byHolder.Remove(holder);
        }
    }
}
