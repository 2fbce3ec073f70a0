namespace CommerceGateway.Soak.Invariants;

/// <summary>One record of a sandbox backend, as <c>GET /_admin/ledger</c> lists it.</summary>
/// <param name="Protocol">booking, orderflow, guestmanager or example.</param>
/// <param name="Id">The backend's id.</param>
/// <param name="Number">The human-facing number, when the backend has one besides the id.</param>
/// <param name="State">The backend's state word (cart, pending-purchase, committed-purchase, paid, complete, captured...).</param>
/// <param name="Total">What it costs.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Captured">Money taken.</param>
/// <param name="Captures">Payments taken.</param>
/// <param name="Buyer">The buyer's email (OrderFlow: invoice name).</param>
/// <param name="SeatIds">Seats it holds or sold.</param>
/// <param name="HoldExpiresAt">When the backend releases what it holds.</param>
public sealed record LedgerRecord(
    string Protocol,
    string Id,
    string? Number,
    string State,
    decimal Total,
    string Currency,
    decimal Captured,
    int Captures,
    string? Buyer,
    IReadOnlyList<long> SeatIds,
    DateTimeOffset? HoldExpiresAt);
