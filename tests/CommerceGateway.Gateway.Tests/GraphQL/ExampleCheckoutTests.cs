using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// The template adapter's ExampleShop (channel example-demo) through <c>/graphql</c>: it authorizes at
/// checkout, captures later and refunds in parts, which no other demo channel does.
/// </summary>
public sealed class ExampleCheckoutTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>
{
    private const string OrderFields = "order { id paymentStatus total { amount currencyCode } amountPaid { amount } amountRefunded { amount currencyCode } }";

    private static readonly string RefundMutation = $"mutation($id: ID!, $amount: Decimal!) {{ orderRefund(orderId: $id, amount: {{ amount: $amount, currencyCode: \"EUR\" }}, reason: \"returned\") {{ {OrderFields} userErrors {{ code field message }} }} }}";

    [Fact]
    public async Task CapturedOrder_RefundedInTwoParts_ShowsTheRefundedAmountOnTheOrder()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await ReadyToPayAsync(api);

        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());
        var orderId = paid.GetProperty("order").GetProperty("id").GetString()!;
        var captured = await api.MutateAsync("orderCapture", $"mutation($id: ID!) {{ orderCapture(orderId: $id) {{ {OrderFields} userErrors {{ code field message }} }} }}", new { id = orderId });
        var partly = await RefundAsync(api, orderId, "10.00");
        var fully = await RefundAsync(api, orderId, "42.50");
        var read = (await api.DataAsync($"query($id: ID!) {{ {OrderFields.Replace("order {", "order(id: $id) {", StringComparison.Ordinal)} }}", new { id = orderId })).GetProperty("order");

        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("PAID", captured.GetProperty("order").GetProperty("paymentStatus").GetString());
        Assert.Equal("52.50", captured.GetProperty("order").GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("PARTIALLY_REFUNDED", partly.GetProperty("order").GetProperty("paymentStatus").GetString());
        Assert.Equal("10.00", partly.GetProperty("order").GetProperty("amountRefunded").GetProperty("amount").GetString());
        Assert.Equal("REFUNDED", fully.GetProperty("order").GetProperty("paymentStatus").GetString());
        Assert.Equal("52.50", fully.GetProperty("order").GetProperty("amountRefunded").GetProperty("amount").GetString());
        Assert.Equal("REFUNDED", read.GetProperty("paymentStatus").GetString());
        Assert.Equal("52.50", read.GetProperty("amountRefunded").GetProperty("amount").GetString());
        Assert.Equal("EUR", read.GetProperty("amountRefunded").GetProperty("currencyCode").GetString());
    }

    [Fact]
    public async Task RefundBeyondWhatWasCaptured_IsAnInvalidInputUserError_AndRefundsNothing()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await ReadyToPayAsync(api);
        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());
        var orderId = paid.GetProperty("order").GetProperty("id").GetString()!;
        await api.MutateAsync("orderCapture", $"mutation($id: ID!) {{ orderCapture(orderId: $id) {{ {OrderFields} userErrors {{ code field message }} }} }}", new { id = orderId });
        await RefundAsync(api, orderId, "50.00");

        var refused = await api.FailAsync("orderRefund", "INVALID_INPUT", RefundMutation, new { id = orderId, amount = "5.00" });
        var read = (await api.DataAsync("query($id: ID!) { order(id: $id) { amountRefunded { amount } } }", new { id = orderId })).GetProperty("order");

        Assert.Equal(JsonValueKind.Null, refused.GetProperty("order").ValueKind);
        Assert.Equal("50.00", read.GetProperty("amountRefunded").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task PaymentWithAPspTransactionId_IsNotSupportedNamingTheField_AndTheCartStillPaysWithAToken()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await ReadyToPayAsync(api);

        var refused = await api.FailAsync("checkoutSubmitPayment", "NOT_SUPPORTED",
            "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"pi_elsewhere\" }) { paymentStatus order { id } userErrors { code field message } } }",
            new { id = cartId, key = OrderFlowCheckoutTests.NewKey() });
        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());

        var error = refused.GetProperty("userErrors")[0];
        Assert.Equal("pspTransactionId", error.GetProperty("field").EnumerateArray().Last().GetString());
        Assert.Contains("example-demo", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("order").ValueKind);
        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("AUTHORIZED", paid.GetProperty("order").GetProperty("paymentStatus").GetString());
    }

    private static Task<JsonElement> RefundAsync(CommerceApi api, string orderId, string amount) =>
        api.MutateAsync("orderRefund", RefundMutation, new { id = orderId, amount });

    /// <summary>Two T-shirts (20.00) and a mug (12.50), EUR 52.50, with the buyer's email: only payment left.</summary>
    private static async Task<string> ReadyToPayAsync(CommerceApi api)
    {
        var cartId = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"example-demo\", currency: \"EUR\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-M\", quantity: 2 }, { merchandiseId: \"MUG\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var begun = (await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");
        Assert.Equal("PAYMENT", begun.GetProperty("checkout").GetProperty("currentStep").GetString());
        Assert.Equal("52.50", begun.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());
        return cartId;
    }
}
