namespace CommerceGateway.Adapters.State;

/// <summary>
/// Shared, time-limited seat holds. No seat is ever held by two holders: an acquisition takes
/// every requested seat or none of them, atomically. Seats belong to groups, the text before the
/// last ':' of their id (the event session of "booking-demo:S1:17" is "booking-demo:S1"): one
/// acquisition takes seats of one group, so that it stays atomic where a group is the unit of
/// storage (one hash slot of a Redis Cluster). A holder may hold seats of many groups. Implementations
/// throw <see cref="StateStoreUnavailableException"/> when the backing store cannot be reached in time.
/// </summary>
public interface ISeatHoldStore
{
    /// <summary>
    /// Holds every seat in <paramref name="seatIds"/> for <paramref name="holder"/> until now plus
    /// <paramref name="ttl"/>, or none of them. Seats the holder already holds are held again with
    /// the new expiry. When another holder holds any of the seats nothing changes and the result
    /// lists those seats.
    /// </summary>
    /// <param name="holder">Who holds the seats, for example a cart id.</param>
    /// <param name="seatIds">The seats to hold; at least one, all of one group, duplicates are ignored.</param>
    /// <param name="ttl">How long the hold lasts; must be positive.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>Whether the seats were acquired, with a fencing token when they were.</returns>
    /// <exception cref="ArgumentException">No seat, an empty id, or seats of more than one group.</exception>
    Task<SeatHoldResult> AcquireAsync(string holder, IReadOnlyCollection<string> seatIds, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the expiry of the holder's seats to now plus <paramref name="ttl"/>: the given seats, or
    /// all of its seats when <paramref name="seatIds"/> is null. Seats the holder no longer holds are skipped.
    /// </summary>
    /// <param name="holder">Who holds the seats.</param>
    /// <param name="seatIds">The seats to extend, or null for all of the holder's seats.</param>
    /// <param name="ttl">The new time to live; must be positive.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>The seats that were still held by the holder and were extended.</returns>
    Task<IReadOnlyList<SeatHold>> ExtendAsync(string holder, IReadOnlyCollection<string>? seatIds, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases the holder's given seats, or all of its seats when <paramref name="seatIds"/> is
    /// null. A seat held by another holder is never released.
    /// </summary>
    /// <param name="holder">Who holds the seats.</param>
    /// <param name="seatIds">The seats to release, or null for all of the holder's seats.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>A task that completes when the seats are released.</returns>
    Task ReleaseAsync(string holder, IReadOnlyCollection<string>? seatIds, CancellationToken cancellationToken = default);

    /// <summary>The seats the holder holds now, ordered by seat id.</summary>
    /// <param name="holder">Who holds the seats.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>The holder's current holds; empty when it holds none.</returns>
    Task<IReadOnlyList<SeatHold>> GetHoldsAsync(string holder, CancellationToken cancellationToken = default);

    /// <summary>The current hold on one seat.</summary>
    /// <param name="seatId">The seat.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>The hold, or null when the seat is free.</returns>
    Task<SeatHold?> GetSeatAsync(string seatId, CancellationToken cancellationToken = default);
}
