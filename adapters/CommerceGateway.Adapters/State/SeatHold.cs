namespace CommerceGateway.Adapters.State;

/// <summary>One held seat.</summary>
/// <param name="SeatId">The seat.</param>
/// <param name="Holder">Who holds it.</param>
/// <param name="ExpiresAt">When the hold lapses unless it is extended.</param>
/// <param name="FencingToken">The token of the acquisition that took the seat; extending keeps it.</param>
public sealed record SeatHold(string SeatId, string Holder, DateTimeOffset ExpiresAt, long FencingToken);
