namespace CommerceGateway.Adapters;

/// <summary>A line to add: a quantity of a variant, chosen seats, or best available seats.</summary>
/// <param name="MerchandiseId">A product variant id, or for seats the rate id (or session id when the backend has one rate).</param>
/// <param name="Quantity">Units; for seats, how many best available seats when <paramref name="SeatIds"/> is empty.</param>
/// <param name="SessionId">The event session, for seats.</param>
/// <param name="SeatIds">Chosen seats; when given, <paramref name="Quantity"/> must equal their count.</param>
public sealed record CartLineInput(string MerchandiseId, int Quantity, string? SessionId = null, IReadOnlyList<string>? SeatIds = null)
{
    /// <summary>True when the line is for seats of an event session.</summary>
    public bool IsSeated => SessionId is not null;
}
