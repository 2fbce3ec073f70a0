namespace CommerceGateway.Adapters;

/// <summary>One seat or ticket of a booking.</summary>
/// <param name="Id">The backend's item id (used to choose what to purchase).</param>
/// <param name="Price">Price of the item.</param>
/// <param name="SeatId">The seat, for seated events.</param>
/// <param name="SessionId">The event session.</param>
/// <param name="TicketCode">Barcode, once issued.</param>
public sealed record BookingItem(string Id, Money Price, string? SeatId = null, string? SessionId = null, string? TicketCode = null);
