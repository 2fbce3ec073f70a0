using CommerceGateway.Soak.Buyers;
using CommerceGateway.Soak.Invariants;

namespace CommerceGateway.Soak.Tests.Invariants;

/// <summary>
/// Crafted soak evidence: one honest checkout on each channel, exactly as the backends record it.
/// Each test breaks one promise on top of it.
/// </summary>
internal static class Evidence
{
    public static readonly DateTimeOffset ReadAt = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    public static List<ConfirmedOrder> Orders() =>
    [
        new("booking-demo", "gid-b1", "B-1", 90.00m, "EUR", "b1x1x100000", "soak-b1x1x100000", ["11", "12"]),
        new("orderflow-demo", "gid-o1", "O-1", 119.99m, "USD", "b2x1x100000", "soak-b2x1x100000", []),
        new("guestmanager-demo", "gid-g1", "G-1", 40.00m, "USD", "b3x1x100000", "soak-b3x1x100000", []),
        new("loyalty-demo", "gid-l1", "L-1", 31.50m, "USD", "b4x1x100000", "soak-b4x1x100000", []),
    ];

    public static List<LedgerRecord> Ledger() =>
    [
        new("booking", "501", "B-1", "committed-purchase", 90.00m, "EUR", 90.00m, 1, "b1x1x100000@soak.example.test", [11, 12], null),
        new("orderflow", "O-1", null, "paid", 119.99m, "USD", 119.99m, 1, "Soak b2x1x100000", [], null),
        new("guestmanager", "G-1", null, "complete", 40.00m, "USD", 40.00m, 1, "b3x1x100000@soak.example.test", [], null),
        new("example", "L-1", null, "captured", 31.50m, "USD", 31.50m, 1, "b4x1x100000@soak.example.test", [], null),
        // A cart still holding a seat, before its deadline: allowed.
        new("booking", "502", null, "cart", 45.00m, "EUR", 0m, 0, null, [13], ReadAt.AddMinutes(5)),
    ];

    public static SoakEvidence Of(
        List<ConfirmedOrder>? orders = null,
        List<LedgerRecord>? ledger = null,
        Dictionary<string, IReadOnlyCollection<string>>? ordersByKey = null,
        List<CallerError>? untyped = null,
        List<SeatHoldKey>? seatHolds = null,
        Dictionary<string, string>? refused = null)
    {
        orders ??= Orders();
        ordersByKey ??= orders.ToDictionary(o => o.IdempotencyKey, o => (IReadOnlyCollection<string>)[o.OrderId], StringComparer.Ordinal);
        untyped ??= [];
        return new SoakEvidence(
            orders,
            ordersByKey,
            untyped.Count,
            untyped,
            new BackendLedger(ReadAt, ledger ?? Ledger()),
            seatHolds ?? [new SeatHoldKey("soak:seat:{booking-demo:2001}:13", 240_000)],
            refused ?? new Dictionary<string, string>(StringComparer.Ordinal) { ["b8x1x100000"] = "checkoutSubmitPayment PAYMENT_DECLINED" });
    }

    public static InvariantResult Verdict(SoakEvidence evidence, string name) =>
        InvariantChecker.Check(evidence).Single(r => r.Name.StartsWith(name, StringComparison.Ordinal));
}
