using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// OrderFlow and Livescale cannot be asked what became of a payment, so a payment whose answer was lost
/// leaves the cart unpayable (PAYMENT_OUTCOME_UNKNOWN). A payment that provably never reached the backend
/// (connection refused, circuit open) charged nothing: the caller is told the backend is unavailable, and
/// once it is back a new payment pays, exactly once.
/// </summary>
public sealed class NeverSentPaymentTests(NeverSentPaymentFixture fixture) : IClassFixture<NeverSentPaymentFixture>
{
    private const string LivescalePay = """
        mutation($cartId: ID!, $key: String!) {
          checkoutSubmitPayment(cartId: $cartId, idempotencyKey: $key, payment: { pspTransactionId: "psp_tx_neversent", pspName: "adyen" }) {
            paymentStatus failureReason cart { checkout { status } } order { id paymentStatus } userErrors { code field message }
          }
        }
        """;

    [Fact]
    public async Task SubmitPayment_WhileOrderFlowRefusesConnections_AnswersUnavailableChargesNothing_AndPaysOnceWhenBack()
    {
        using var up = await fixture.Up.StorefrontAsync();
        using var down = await fixture.Down.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(up)).GetProperty("id").GetString()!;
        var before = await LedgerAsync("orderflow");

        var refused = await down.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var unpaid = await LedgerAsync("orderflow");
        var paid = await up.PayloadAsync("checkoutSubmitPayment", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var after = await LedgerAsync("orderflow");

        Assert.Equal("BACKEND_UNAVAILABLE", ErrorCode(refused));
        Assert.Equal(before, unpaid);
        Assert.Equal(0, paid.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal(1, after.Charges - before.Charges);
    }

    [Fact]
    public async Task SubmitPayment_WhileLivescaleRefusesConnections_AnswersUnavailablePlacesNoOrder_AndPaysOnceWhenBack()
    {
        using var up = await fixture.Up.StorefrontAsync();
        using var down = await fixture.Down.StorefrontAsync();
        var cartId = await LivescaleCheckoutTests.ReadyToPayAsync(up);
        var before = fixture.Sandbox.Count("POST", "/livescale/orders");

        var refused = await down.SendAsync(LivescalePay, new { cartId, key = OrderFlowCheckoutTests.NewKey() });
        var unpaid = fixture.Sandbox.Count("POST", "/livescale/orders");
        var paid = await up.PayloadAsync("checkoutSubmitPayment", LivescalePay, new { cartId, key = OrderFlowCheckoutTests.NewKey() });
        var after = fixture.Sandbox.Count("POST", "/livescale/orders");

        // Livescale's sandbox keeps no ledger: the order calls that arrived are what it was asked to charge.
        Assert.Equal("BACKEND_UNAVAILABLE", ErrorCode(refused));
        Assert.Equal(before, unpaid);
        Assert.Equal(0, paid.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("AUTHORIZED", paid.GetProperty("order").GetProperty("paymentStatus").GetString());
        Assert.Equal(1, after - before);
    }

    [Fact]
    public async Task SubmitPayment_RefusedByOrderFlowsOpenCircuit_ChargesNothing_AndTheSameKeyPaysWhenBack()
    {
        using var up = await fixture.Up.StorefrontAsync();
        using var down = await fixture.Down.StorefrontAsync();
        var first = (await OrderFlowCheckoutTests.ReadyToPayAsync(up)).GetProperty("id").GetString()!;
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(up)).GetProperty("id").GetString()!;
        var before = await LedgerAsync("orderflow");

        // Refused connections on the first cart open the down replica's circuit.
        await down.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId = first, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var key = OrderFlowCheckoutTests.NewKey();
        var refused = await down.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var unpaid = await LedgerAsync("orderflow");
        var paid = await up.PayloadAsync("checkoutSubmitPayment", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key });
        var after = await LedgerAsync("orderflow");

        Assert.Equal("BACKEND_UNAVAILABLE", ErrorCode(refused));
        Assert.Contains("circuit is open", refused.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, unpaid);
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal(1, after.Charges - before.Charges);
    }

    private static string? ErrorCode(JsonElement body) => PaymentLedger.ErrorCode(body);

    private Task<(int Records, int Charges)> LedgerAsync(string protocol) => PaymentLedger.ReadAsync(fixture.Sandbox, protocol);
}
