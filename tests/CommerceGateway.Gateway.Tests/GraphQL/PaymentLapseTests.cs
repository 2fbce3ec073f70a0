using System.Diagnostics;
using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A charge whose answer never came back (the backend took it, the gateway timed out), retried after its
/// idempotency claim lapsed, with the same key and with a new one, on another replica: the backend's
/// ledger shows one charge, and the buyer is told what the backend did, or that it cannot be known,
/// never charged again.
/// </summary>
public sealed class PaymentLapseTests(PaymentLapseFixture fixture) : IClassFixture<PaymentLapseFixture>, IAsyncLifetime
{
    private const string BookingPay = """
        mutation($cartId: ID!, $key: String!) {
          checkoutSubmitPayment(cartId: $cartId, idempotencyKey: $key, payment: { pspTransactionId: "psp_tx_lapse" }) {
            paymentStatus failureReason cart { checkout { status } } order { id paymentStatus } userErrors { code field message }
          }
        }
        """;

    private const string LivescalePay = """
        mutation($cartId: ID!, $key: String!) {
          checkoutSubmitPayment(cartId: $cartId, idempotencyKey: $key, payment: { pspTransactionId: "psp_tx_lapse", pspName: "adyen" }) {
            paymentStatus failureReason cart { checkout { status } } order { id paymentStatus } userErrors { code field message }
          }
        }
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var protocol in new[] { "orderflow", "guestmanager", "booking", "livescale" })
        {
            await fixture.Sandbox.ClearFaultAsync(protocol);
        }
    }

    [Fact]
    public async Task SubmitPayment_RetriedAfterTimedOutBookingChargeLapses_ChargesOnceAndAnswersPaid()
    {
        using var first = await fixture.First.StorefrontAsync();
        using var second = await fixture.Second.StorefrontAsync();
        var cartId = await BookingAtPaymentAsync(first);
        var before = await LedgerAsync("booking");
        await fixture.Sandbox.SetFaultAsync("booking", new FaultSpec { AnswerLateMs = Late, Path = "/order/commitOrder", Times = 1 });

        var begun = Stopwatch.StartNew();
        var timedOut = await first.SendAsync(BookingPay, new { cartId, key = OrderFlowCheckoutTests.NewKey() });
        await PaymentLapseFixture.ClaimLapsedAsync(begun);
        var retried = await second.PayloadAsync("checkoutSubmitPayment", BookingPay, new { cartId, key = OrderFlowCheckoutTests.NewKey() });
        var again = await second.PayloadAsync("checkoutSubmitPayment", BookingPay, new { cartId, key = OrderFlowCheckoutTests.NewKey() });
        var after = await LedgerAsync("booking");

        Assert.Equal("BACKEND_TIMEOUT", ErrorCode(timedOut));
        Assert.Equal(0, retried.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("PAID", retried.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETE", retried.GetProperty("cart").GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal("INVALID_STEP", again.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(1, after.Charges - before.Charges);
        Assert.Equal(1, after.Records - before.Records);
    }

    [Fact]
    public async Task CartRead_AfterATimedOutBookingCharge_ShowsThePaymentTheBackendTook_AndTheSameKeyReplaysItWithoutPayingAgain()
    {
        using var first = await fixture.First.StorefrontAsync();
        using var second = await fixture.Second.StorefrontAsync();
        var cartId = await BookingAtPaymentAsync(first);
        var before = await LedgerAsync("booking");
        await fixture.Sandbox.SetFaultAsync("booking", new FaultSpec { AnswerLateMs = Late, Path = "/order/commitOrder", Times = 1 });
        var key = OrderFlowCheckoutTests.NewKey();

        var begun = Stopwatch.StartNew();
        var timedOut = await first.SendAsync(BookingPay, new { cartId, key });
        var read = await OrderFlowCheckoutTests.CartAsync(second, cartId);
        await PaymentLapseFixture.ClaimLapsedAsync(begun);
        var sameKey = await second.PayloadAsync("checkoutSubmitPayment", BookingPay, new { cartId, key });
        var after = await LedgerAsync("booking");

        Assert.Equal("BACKEND_TIMEOUT", ErrorCode(timedOut));
        Assert.Equal("COMPLETE", read.GetProperty("checkout").GetProperty("status").GetString());
        // The same request again is answered with the payment it made (its idempotency record never completed).
        Assert.Equal(0, sameKey.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("PAID", sameKey.GetProperty("paymentStatus").GetString());
        Assert.Equal(1, after.Charges - before.Charges);
    }

    [Fact]
    public async Task SubmitPayment_RetriedAfterABookingChargeThatNeverReachedTheBackend_PaysOnce()
    {
        using var first = await fixture.First.StorefrontAsync();
        using var second = await fixture.Second.StorefrontAsync();
        var cartId = await BookingAtPaymentAsync(first);
        var before = await LedgerAsync("booking");
        await fixture.Sandbox.SetFaultAsync("booking", new FaultSpec { Status = 503, Path = "/order/commitOrder", Times = 1 });
        var key = OrderFlowCheckoutTests.NewKey();

        var failed = await first.SendAsync(BookingPay, new { cartId, key });
        var retried = await second.PayloadAsync("checkoutSubmitPayment", BookingPay, new { cartId, key });
        var after = await LedgerAsync("booking");

        Assert.Equal("BACKEND_UNAVAILABLE", ErrorCode(failed));
        Assert.Equal(0, retried.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("PAID", retried.GetProperty("paymentStatus").GetString());
        Assert.Equal(1, after.Charges - before.Charges);
        Assert.Equal(1, after.Records - before.Records);
    }

    [Fact]
    public async Task SubmitPayment_RetriedAfterTimedOutGuestManagerChargeLapses_ChargesOnceAndSettlesComplete()
    {
        using var first = await fixture.First.StorefrontAsync();
        using var second = await fixture.Second.StorefrontAsync();
        var cartId = await GuestManagerCheckoutTests.AtPaymentAsync(first);
        var before = await LedgerAsync("guestmanager");
        await fixture.Sandbox.SetFaultAsync("guestmanager", new FaultSpec { AnswerLateMs = Late, Path = "/checkout/", Times = 1 });
        var key = OrderFlowCheckoutTests.NewKey();

        var begun = Stopwatch.StartNew();
        var timedOut = await first.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        await PaymentLapseFixture.ClaimLapsedAsync(begun);
        var newKey = await second.PayloadAsync("checkoutSubmitPayment", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var settled = await GuestManagerCheckoutTests.SettledAsync(second, cartId, newKey);
        var sameKey = await second.PayloadAsync("checkoutSubmitPayment", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var after = await LedgerAsync("guestmanager");

        Assert.Equal("BACKEND_TIMEOUT", ErrorCode(timedOut));
        Assert.Equal(0, newKey.GetProperty("userErrors").GetArrayLength());
        Assert.Contains(newKey.GetProperty("paymentStatus").GetString(), new[] { "PROCESSING", "PAID" });
        Assert.Equal("COMPLETE", settled.GetProperty("checkout").GetProperty("status").GetString());
        // The timed-out request itself, retried: its charge is what the cart shows, so that is its answer.
        Assert.Equal(0, sameKey.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("PAID", sameKey.GetProperty("paymentStatus").GetString());
        Assert.Equal(1, after.Charges - before.Charges);
    }

    [Fact]
    public async Task SubmitPayment_RetriedAfterAGuestManagerChargeThatNeverReachedTheBackend_PaysOnce()
    {
        using var first = await fixture.First.StorefrontAsync();
        using var second = await fixture.Second.StorefrontAsync();
        var cartId = await GuestManagerCheckoutTests.AtPaymentAsync(first);
        var before = await LedgerAsync("guestmanager");
        await fixture.Sandbox.SetFaultAsync("guestmanager", new FaultSpec { Status = 503, Path = "/checkout/", Times = 1 });
        var key = OrderFlowCheckoutTests.NewKey();

        var failed = await first.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var retried = await second.PayloadAsync("checkoutSubmitPayment", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var settled = await GuestManagerCheckoutTests.SettledAsync(second, cartId, retried);
        var after = await LedgerAsync("guestmanager");

        Assert.Equal("BACKEND_UNAVAILABLE", ErrorCode(failed));
        Assert.Equal(0, retried.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("COMPLETE", settled.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal(1, after.Charges - before.Charges);
    }

    [Fact]
    public async Task SubmitPayment_RetriedAfterTimedOutOrderFlowChargeLapses_IsRefusedAsOutcomeUnknown_AndChargesOnce()
    {
        using var first = await fixture.First.StorefrontAsync();
        using var second = await fixture.Second.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(first)).GetProperty("id").GetString()!;
        var before = await LedgerAsync("orderflow");
        await fixture.Sandbox.SetFaultAsync("orderflow", new FaultSpec { AnswerLateMs = Late, Path = "/api/order/payment.json", Times = 1 });
        var key = OrderFlowCheckoutTests.NewKey();

        var begun = Stopwatch.StartNew();
        var timedOut = await first.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var beforeLapse = await second.FailAsync("checkoutSubmitPayment", "CONFLICT", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        await PaymentLapseFixture.ClaimLapsedAsync(begun);
        var sameKey = await second.FailAsync("checkoutSubmitPayment", "PAYMENT_OUTCOME_UNKNOWN", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var newKey = await second.FailAsync("checkoutSubmitPayment", "PAYMENT_OUTCOME_UNKNOWN", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var after = await LedgerAsync("orderflow");

        Assert.Equal("BACKEND_TIMEOUT", ErrorCode(timedOut));
        Assert.Contains("still in progress", beforeLapse.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sameKey.GetProperty("order").ValueKind);
        Assert.Contains("may have been charged", newKey.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, after.Charges - before.Charges);
    }

    [Fact]
    public async Task SubmitPayment_RetriedAfterTimedOutLivescaleOrderLapses_IsRefusedAsOutcomeUnknown_AndPlacesNoSecondOrder()
    {
        using var first = await fixture.First.StorefrontAsync();
        using var second = await fixture.Second.StorefrontAsync();
        var cartId = await LivescaleCheckoutTests.ReadyToPayAsync(first);

        // Every order call is late (the payment report is safe to repeat, so one late answer would just be retried).
        await fixture.Sandbox.SetFaultAsync("livescale", new FaultSpec { AnswerLateMs = Late, Path = "/orders" });
        var begun = Stopwatch.StartNew();
        var timedOut = await first.SendAsync(LivescalePay, new { cartId, key = OrderFlowCheckoutTests.NewKey() });
        await fixture.Sandbox.ClearFaultAsync("livescale");
        await PaymentLapseFixture.ClaimLapsedAsync(begun);
        var retried = await second.FailAsync("checkoutSubmitPayment", "PAYMENT_OUTCOME_UNKNOWN", LivescalePay, new { cartId, key = OrderFlowCheckoutTests.NewKey() });
        var cart = await OrderFlowCheckoutTests.CartAsync(second, cartId);

        Assert.Equal("BACKEND_TIMEOUT", ErrorCode(timedOut));
        Assert.Equal(JsonValueKind.Null, retried.GetProperty("order").ValueKind);
        Assert.NotEqual("COMPLETE", cart.GetProperty("checkout").GetProperty("status").GetString());
    }

    private static int Late => (int)PaymentLapseFixture.AnswerLate.TotalMilliseconds;

    private static async Task<string> BookingAtPaymentAsync(CommerceApi api)
    {
        var cartId = (await BookingCheckoutTests.SeatCartAsync(api, await BookingCheckoutTests.FreeSeatsAsync(api, 1))).GetProperty("id").GetString()!;
        await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id } userErrors { code field message } } }", new { id = cartId });
        return cartId;
    }

    private static string? ErrorCode(JsonElement body) => PaymentLedger.ErrorCode(body);

    private Task<(int Records, int Charges)> LedgerAsync(string protocol) => PaymentLedger.ReadAsync(fixture.Sandbox, protocol);
}
