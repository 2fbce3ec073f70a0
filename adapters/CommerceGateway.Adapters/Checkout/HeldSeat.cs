namespace CommerceGateway.Adapters;

/// <summary>A seat locked for a cart until <see cref="ExpiresAt"/>.</summary>
/// <param name="SeatId">The backend's seat id.</param>
/// <param name="SessionId">The event session the seat belongs to.</param>
/// <param name="ExpiresAt">When the backend releases the seat unless the hold is extended or bought.</param>
/// <param name="Label">Human-readable position, e.g. "Row C, Seat 12".</param>
public sealed record HeldSeat(string SeatId, string SessionId, DateTimeOffset ExpiresAt, string? Label = null);
