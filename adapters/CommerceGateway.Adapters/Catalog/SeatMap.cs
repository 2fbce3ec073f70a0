namespace CommerceGateway.Adapters;

/// <summary>The seats of one event session.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Seats">All seats with their status.</param>
public sealed record SeatMap(string SessionId, IReadOnlyList<Seat> Seats);
