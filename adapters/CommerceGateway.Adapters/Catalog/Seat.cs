namespace CommerceGateway.Adapters;

/// <summary>A seat of a session's seat map.</summary>
/// <param name="Id">The backend's seat id.</param>
/// <param name="Section">Section or zone.</param>
/// <param name="Row">Row label.</param>
/// <param name="Number">Seat number label.</param>
/// <param name="Status">Availability.</param>
/// <param name="RateIds">Rates the seat can be sold at.</param>
public sealed record Seat(string Id, string? Section, string Row, string Number, SeatStatus Status, IReadOnlyList<string> RateIds);
