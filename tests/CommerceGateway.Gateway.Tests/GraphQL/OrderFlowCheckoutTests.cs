using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>OrderFlow through <c>/graphql</c> against the sandbox: the pipeline timeline, declines and capture failures.</summary>
public sealed class OrderFlowCheckoutTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>, IAsyncLifetime
{
    private const string AddLine = "mutation($id: ID!, $sku: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: $sku, quantity: 1 }]) { cart { id lines { merchandiseId } } userErrors { code field message } } }";

    private readonly CommerceGatewayHost _host = fixture.Host;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("orderflow");

    [Fact]
    public async Task CompleteCheckout_ShowsStepsThenTheOrderWithItsPipelineTimelineAndTrackingNumber()
    {
        using var api = await _host.StorefrontAsync();
        var cart = await ReadyToPayAsync(api);
        Assert.Equal("PAYMENT", cart.GetProperty("checkout").GetProperty("currentStep").GetString());
        Assert.Equal("200.00", cart.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());

        var paid = await PayAsync(api, cart.GetProperty("id").GetString()!, "tok_visa", NewKey());

        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETE", paid.GetProperty("cart").GetProperty("checkout").GetProperty("status").GetString());
        var orderId = paid.GetProperty("order").GetProperty("id").GetString()!;
        var order = (await api.DataAsync("query($id: ID!) { order(id: $id) { id paymentStatus trackingNumber timeline { name occurredAt } total { amount currencyCode } } }", new { id = orderId })).GetProperty("order");
        var timeline = order.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["CartUpdated", "InvoiceCreated", "PaymentProcessed", "OrderShipped"], timeline.Where(n => n is "CartUpdated" or "InvoiceCreated" or "PaymentProcessed" or "OrderShipped").Distinct());
        Assert.False(string.IsNullOrEmpty(order.GetProperty("trackingNumber").GetString()));
        Assert.Equal("USD", order.GetProperty("total").GetProperty("currencyCode").GetString());
    }

    [Fact]
    public async Task DeclinedPayment_BackAtPaymentStep_ThenANewKeyPays()
    {
        using var api = await _host.StorefrontAsync();
        var cartId = (await ReadyToPayAsync(api)).GetProperty("id").GetString()!;

        var declined = await api.FailAsync("checkoutSubmitPayment", "PAYMENT_DECLINED", PayMutation, new { cartId, token = "tok_chargeDeclined", key = NewKey() });
        var cart = await CartAsync(api, cartId);
        var paid = await PayAsync(api, cartId, "tok_visa", NewKey());

        Assert.Equal("FAILED", declined.GetProperty("paymentStatus").GetString());
        var error = Assert.Single(declined.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(declined.GetProperty("failureReason").GetString(), error.GetProperty("message").GetString());
        Assert.Equal("payment", error.GetProperty("field")[0].GetString());
        Assert.Equal("PAYMENT_FAILED", cart.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal("PAYMENT", cart.GetProperty("checkout").GetProperty("currentStep").GetString());
        Assert.Contains("declined", cart.GetProperty("checkout").GetProperty("failureReason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
    }

    [Fact]
    public async Task CaptureFailure_ReasonIsVisibleOnTheCart()
    {
        using var api = await _host.StorefrontAsync();
        var cartId = (await ReadyToPayAsync(api)).GetProperty("id").GetString()!;
        await fixture.Sandbox.SetFaultAsync("orderflow", new Sandbox.Faults.FaultSpec { CaptureFailure = "Insufficient funds" });

        // OrderFlow captures while paying, so a failed capture is a failed payment and says so like a decline.
        var failed = await api.FailAsync("checkoutSubmitPayment", "PAYMENT_DECLINED", PayMutation, new { cartId, token = "tok_visa", key = NewKey() });

        Assert.Equal("FAILED", failed.GetProperty("paymentStatus").GetString());
        Assert.Equal("Insufficient funds", failed.GetProperty("failureReason").GetString());
        Assert.Equal("Insufficient funds", (await CartAsync(api, cartId)).GetProperty("checkout").GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task SamePaymentKey_ReplaysTheResult_AndADifferentRequestUnderItIsAUserError()
    {
        using var api = await _host.StorefrontAsync();
        var cartId = (await ReadyToPayAsync(api)).GetProperty("id").GetString()!;
        var key = NewKey();

        var first = await PayAsync(api, cartId, "tok_visa", key);
        var replay = await PayAsync(api, cartId, "tok_visa", key);
        var reused = await api.FailAsync("checkoutSubmitPayment", "IDEMPOTENCY_KEY_REUSED", PayMutation, new { cartId, token = "tok_other", key });

        Assert.Equal(first.GetProperty("order").GetProperty("id").GetString(), replay.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal("PAID", replay.GetProperty("paymentStatus").GetString());
        Assert.Equal(JsonValueKind.Null, reused.GetProperty("order").ValueKind);
    }

    [Fact]
    public async Task SoldOutProduct_IsASoldOutUserError()
    {
        using var api = await _host.StorefrontAsync();
        var cartId = await NewCartAsync(api);

        // The sandbox's product 4567 (signed poster) is always sold out.
        var payload = await api.FailAsync("cartLinesAdd", "SOLD_OUT", AddLine, new { id = cartId, sku = "4567" });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("cart").ValueKind);
        Assert.Equal(0, (await CartAsync(api, cartId)).GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task ItemSoldOutAtTheBackend_IsASoldOutUserError_AndSellsAgainOnceInStock()
    {
        using var api = await _host.StorefrontAsync();
        var cartId = await NewCartAsync(api);
        await fixture.Sandbox.SetFaultAsync("orderflow", new Sandbox.Faults.FaultSpec { SoldOut = true });

        await api.FailAsync("cartLinesAdd", "SOLD_OUT", AddLine, new { id = cartId, sku = "1234" });
        await fixture.Sandbox.ClearFaultAsync("orderflow");
        var added = await api.MutateAsync("cartLinesAdd", AddLine, new { id = cartId, sku = "1234" });

        Assert.Equal(1, added.GetProperty("cart").GetProperty("lines").GetArrayLength());
    }

    private static async Task<string> NewCartAsync(CommerceApi api) =>
        (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"orderflow-demo\", currency: \"USD\") { cart { id } userErrors { code field message } } }"))
            .GetProperty("cart").GetProperty("id").GetString()!;

    internal const string PayMutation = """
        mutation($cartId: ID!, $token: String!, $key: String!) {
          checkoutSubmitPayment(cartId: $cartId, payment: { pspToken: $token, pspName: "stripe" }, idempotencyKey: $key) {
            paymentStatus failureReason pollAfterSeconds
            cart { id checkout { status currentStep failureReason } loyalty { rewardId status } }
            order { id status paymentStatus }
            userErrors { code field message }
          }
        }
        """;

    internal static string NewKey() => "key-" + Guid.NewGuid().ToString("N");

    internal static Task<JsonElement> PayAsync(CommerceApi api, string cartId, string token, string key) =>
        api.MutateAsync("checkoutSubmitPayment", PayMutation, new { cartId, token, key });

    internal static async Task<JsonElement> CartAsync(CommerceApi api, string cartId) =>
        (await api.DataAsync("query($id: ID!) { cart(id: $id) { ...CartFields } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");

    /// <summary>The source's example cart (2 x 1234 at 50, 1 x 2345 at 100) with every step before payment done.</summary>
    internal static async Task<JsonElement> ReadyToPayAsync(CommerceApi api, Func<string, Task>? beforeLines = null)
    {
        var cartId = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"orderflow-demo\", currency: \"USD\") { cart { id } userErrors { code field message } } }"))
            .GetProperty("cart").GetProperty("id").GetString()!;
        if (beforeLines is not null)
        {
            await beforeLines(cartId);
        }

        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"1234\", quantity: 2 }, { merchandiseId: \"2345\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"lital.hay@example.test\", firstName: \"Lital\", lastName: \"Hay\", phone: \"0545870006\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id checkout { steps { kind } } } userErrors { code field message } } }", new { id = cartId });
        return (await api.MutateAsync(
            "cartAddressesUpdate",
            "mutation($id: ID!) { cartAddressesUpdate(cartId: $id, shippingAddress: { address1: \"17 boulevard\", address2: \"apt 6\", city: \"Brooklyn\", zip: \"11201\", countryCode: \"US\", provinceCode: \"NY\" }) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields,
            new { id = cartId })).GetProperty("cart");
    }
}
