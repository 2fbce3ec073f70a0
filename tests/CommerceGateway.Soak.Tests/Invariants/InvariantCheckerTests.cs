using CommerceGateway.Soak.Buyers;
using CommerceGateway.Soak.Invariants;

namespace CommerceGateway.Soak.Tests.Invariants;

/// <summary>The soak's checker fails on each broken promise, so a green soak means something.</summary>
public sealed class InvariantCheckerTests
{
    [Fact]
    public void Check_HonestCheckoutsOnEveryChannel_AllPass()
    {
        var results = InvariantChecker.Check(Evidence.Of());

        Assert.Equal(7, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Name}: {r.Detail}"));
    }

    [Fact]
    public void Check_SeatSoldInTwoBackendOrders_DoubleSaleFails()
    {
        var ledger = Evidence.Ledger();
        ledger.Add(new LedgerRecord("booking", "503", "B-2", "committed-purchase", 45.00m, "EUR", 45.00m, 1, "b9x1x100000@soak.example.test", [12], null));

        var verdict = Evidence.Verdict(Evidence.Of(ledger: ledger), "no seat sold or held twice");

        Assert.False(verdict.Passed);
        Assert.Contains("seat 12 in committed-purchase 501 and committed-purchase 503", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeatConfirmedToTwoBuyers_DoubleSaleFails()
    {
        var orders = Evidence.Orders();
        orders.Add(new ConfirmedOrder("booking-demo", "gid-b2", "B-2", 45.00m, "EUR", "b9x1x100000", "soak-b9x1x100000", ["11"]));

        var verdict = Evidence.Verdict(Evidence.Of(orders: orders), "no seat sold or held twice");

        Assert.False(verdict.Passed);
        Assert.Contains("seat 11 confirmed to orders gid-b1 and gid-b2", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OneRecordCapturedTwice_DoubleCaptureFails()
    {
        var ledger = Evidence.Ledger();
        ledger[3] = ledger[3] with { Captured = 63.00m, Captures = 2 };

        var verdict = Evidence.Verdict(Evidence.Of(ledger: ledger), "no payment captured twice");

        Assert.False(verdict.Passed);
        Assert.Contains("example L-1: 2 captures, 63.00 taken of 31.50", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OneBuyerChargedByTwoBackendOrders_DoubleChargeFails()
    {
        // A payment retried on another replica that placed a second order instead of answering the first.
        var ledger = Evidence.Ledger();
        ledger.Add(new LedgerRecord("orderflow", "O-2", null, "paid", 119.99m, "USD", 119.99m, 1, "Soak b2x1x100000", [], null));

        var verdict = Evidence.Verdict(Evidence.Of(ledger: ledger), "no payment captured twice");

        Assert.False(verdict.Passed);
        Assert.Contains("buyer b2x1x100000 (one idempotency key) charged by orderflow O-1 and orderflow O-2", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OneIdempotencyKeyAnsweredWithTwoOrders_Fails()
    {
        var byKey = Evidence.Orders().ToDictionary(o => o.IdempotencyKey, o => (IReadOnlyCollection<string>)[o.OrderId], StringComparer.Ordinal);
        byKey["soak-b3x1x100000"] = ["gid-g1", "gid-g2"];

        var verdict = Evidence.Verdict(Evidence.Of(ordersByKey: byKey), "no payment captured twice");

        Assert.False(verdict.Passed);
        Assert.Contains("key soak-b3x1x100000 answered with orders gid-g1, gid-g2", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BuyerToldPaymentFailedButCharged_Fails()
    {
        var refused = new Dictionary<string, string>(StringComparer.Ordinal) { ["b2x1x100000"] = "checkoutSubmitPayment STATE_STORE_UNAVAILABLE" };

        var verdict = Evidence.Verdict(Evidence.Of(refused: refused), "no payment taken after its caller was told it failed");

        Assert.False(verdict.Passed);
        Assert.Contains("buyer b2x1x100000 was answered checkoutSubmitPayment STATE_STORE_UNAVAILABLE but orderflow O-1 took 119.99 USD", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConfirmedOrderMissingOrWithAnotherTotal_Fails()
    {
        var orders = Evidence.Orders();
        orders[1] = orders[1] with { Total = 120.00m };
        orders.Add(new ConfirmedOrder("guestmanager-demo", "gid-g9", "G-9", 10m, "USD", "b7x1x100000", "soak-b7x1x100000", []));

        var verdict = Evidence.Verdict(Evidence.Of(orders: orders), "every confirmed order is at its backend");

        Assert.False(verdict.Passed);
        Assert.Contains("2 violation(s)", verdict.Detail, StringComparison.Ordinal);
        Assert.Contains("orderflow-demo order O-1: confirmed 120.00 USD, backend 119.99 USD", verdict.Detail, StringComparison.Ordinal);
        Assert.Contains("guestmanager-demo order G-9 (gid-g9) is not at the backend", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HoldPastItsDeadlineOrWithoutTtl_Fails()
    {
        var ledger = Evidence.Ledger();
        ledger[4] = ledger[4] with { HoldExpiresAt = Evidence.ReadAt.AddSeconds(-1) };

        var verdict = Evidence.Verdict(Evidence.Of(ledger: ledger, seatHolds: [new SeatHoldKey("soak:seat:{booking-demo:2001}:14", -1)]), "no hold left past its TTL");

        Assert.False(verdict.Passed);
        Assert.Contains("booking cart 502 still holds 1 seats", verdict.Detail, StringComparison.Ordinal);
        Assert.Contains("Redis key soak:seat:{booking-demo:2001}:14 has no TTL", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LibraryMessageReachedACaller_Fails()
    {
        var leaked = new CallerError("checkoutSubmitPayment", "NO_CODE", "Multi-key operations must involve a single slot", Typed: false);

        var verdict = Evidence.Verdict(Evidence.Of(untyped: [leaked]), "every error a caller saw is a typed one");

        Assert.False(verdict.Passed);
        Assert.Contains("checkoutSubmitPayment: NO_CODE \"Multi-key operations", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AChannelWithoutCheckouts_LoadDidNotRunFails()
    {
        var orders = Evidence.Orders().Where(o => o.Channel != "loyalty-demo").ToList();
        var ledger = Evidence.Ledger().Where(e => e.Protocol != "example").ToList();

        var verdict = Evidence.Verdict(Evidence.Of(orders: orders, ledger: ledger), "every channel completed checkouts");

        Assert.False(verdict.Passed);
        Assert.Contains("loyalty-demo confirmed no checkout", verdict.Detail, StringComparison.Ordinal);
    }
}
