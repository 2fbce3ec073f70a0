namespace CommerceGateway.Sandbox.Hosting;

/// <summary>
/// One record a backend keeps (an order, or a cart that holds seats), in one shape for every
/// protocol, so a soak can check the gateway's answers against what the backends really did.
/// </summary>
/// <param name="Protocol">The protocol that keeps it (booking, orderflow, guestmanager, example).</param>
/// <param name="Id">The backend's id of the record.</param>
/// <param name="Number">The human-facing number the gateway reports as the order's number, when it differs from the id.</param>
/// <param name="State">The backend's own state word (e.g. cart, pending, committed, paid, complete, captured).</param>
/// <param name="Total">What the record costs, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Captured">Money taken so far.</param>
/// <param name="Captures">How many payments were taken.</param>
/// <param name="Buyer">The buyer's email (OrderFlow: the invoice name), as the gateway sent it.</param>
/// <param name="SeatIds">Seats the record holds or sold (booking only).</param>
/// <param name="HoldExpiresAt">When the backend releases what it holds; null when nothing is held on a timer.</param>
internal sealed record LedgerEntry(
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
