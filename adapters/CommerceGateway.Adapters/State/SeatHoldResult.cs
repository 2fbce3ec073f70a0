namespace CommerceGateway.Adapters.State;

/// <summary>The outcome of <see cref="ISeatHoldStore.AcquireAsync"/>.</summary>
/// <param name="Acquired">True when every requested seat is now held by the holder.</param>
/// <param name="FencingToken">
/// On success, a token strictly greater than that of every earlier acquisition of the same seat
/// group (tokens of different groups are unrelated); a backend can reject writes that carry an
/// older token. Zero when nothing was acquired.
/// </param>
/// <param name="ExpiresAt">On success, when the holds lapse; <see cref="DateTimeOffset.MinValue"/> otherwise.</param>
/// <param name="ConflictingSeatIds">The requested seats held by another holder; empty on success.</param>
public sealed record SeatHoldResult(bool Acquired, long FencingToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> ConflictingSeatIds)
{
    /// <summary>A successful acquisition.</summary>
    /// <param name="fencingToken">The acquisition's fencing token.</param>
    /// <param name="expiresAt">When the holds lapse.</param>
    /// <returns>The result.</returns>
    public static SeatHoldResult Success(long fencingToken, DateTimeOffset expiresAt) =>
        new(true, fencingToken, expiresAt, []);

    /// <summary>A refused acquisition: some seats are held by another holder and nothing changed.</summary>
    /// <param name="conflictingSeatIds">The seats held by another holder.</param>
    /// <returns>The result.</returns>
    public static SeatHoldResult Conflict(IReadOnlyList<string> conflictingSeatIds) =>
        new(false, 0, DateTimeOffset.MinValue, conflictingSeatIds);
}
