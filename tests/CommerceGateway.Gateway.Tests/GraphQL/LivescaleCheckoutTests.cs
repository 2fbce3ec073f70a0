using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Livescale through <c>/graphql</c>: catalog, discount code, shipping, authorize at checkout, capture later.</summary>
public sealed class LivescaleCheckoutTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>, IAsyncLifetime
{
    private const string PayMutation = """
        mutation($id: ID!, $key: String!, $tx: String!) {
          checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: $tx, pspName: "adyen" }) {
            paymentStatus failureReason order { id } cart { checkout { status currentStep failureReason } } userErrors { code field message }
          }
        }
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("livescale");

    [Fact]
    public async Task CompleteCheckout_AuthorizesThenOrderCaptureTakesThePayment()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var products = (await api.DataAsync("{ products(channel: \"livescale-demo\", first: 5) { nodes { id title variants { id price { amount currencyCode } availableForSale } } hasNextPage } }")).GetProperty("products");
        Assert.True(products.GetProperty("nodes").GetArrayLength() > 0);

        var cartId = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"livescale-demo\", currency: \"USD\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-BLK-M\", quantity: 2 }, { merchandiseId: \"HOOD-GRY-M\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartDiscountCodeApply", "mutation($id: ID!) { cartDiscountCodeApply(cartId: $id, code: \"WELCOME10\") { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"guest@example.test\", firstName: \"Grace\", lastName: \"Hopper\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var begun = (await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { checkout { currentStep steps { kind completed missing } } } userErrors { code field message } } }", new { id = cartId })).GetProperty("cart");
        Assert.Equal(["EMAIL", "ADDRESS", "DELIVERY", "PAYMENT"], begun.GetProperty("checkout").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        await api.MutateAsync("cartAddressesUpdate", "mutation($id: ID!) { cartAddressesUpdate(cartId: $id, shippingAddress: { address1: \"1 Market Street\", city: \"San Francisco\", zip: \"94105\", countryCode: \"US\", provinceCode: \"CA\" }, billingAddress: { address1: \"1 Market Street\", city: \"San Francisco\", zip: \"94105\", countryCode: \"US\", provinceCode: \"CA\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var methods = (await api.DataAsync("query($id: ID!) { cart(id: $id) { availableShippingMethods { id price { amount } } } }", new { id = cartId })).GetProperty("cart").GetProperty("availableShippingMethods");
        var ready = (await api.MutateAsync("cartShippingMethodUpdate", "mutation($id: ID!, $m: ID!) { cartShippingMethodUpdate(cartId: $id, shippingMethodId: $m) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId, m = methods[0].GetProperty("id").GetString() })).GetProperty("cart");
        Assert.Equal("91.89", ready.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());

        var paid = await api.MutateAsync(
            "checkoutSubmitPayment",
            "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_tx_gql_1\", pspName: \"adyen\" }) { paymentStatus order { id } cart { checkout { status } } userErrors { code field message } } }",
            new { id = cartId, key = OrderFlowCheckoutTests.NewKey() });
        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        var orderId = paid.GetProperty("order").GetProperty("id").GetString();

        var captured = await api.MutateAsync("orderCapture", "mutation($id: ID!) { orderCapture(orderId: $id) { order { paymentStatus amountPaid { amount } total { amount } timeline { name } } userErrors { code field message } } }", new { id = orderId });
        var refund = await api.FailAsync("orderRefund", "NOT_SUPPORTED", "mutation($id: ID!) { orderRefund(orderId: $id, amount: { amount: \"5.00\", currencyCode: \"USD\" }) { order { id } userErrors { code field message } } }", new { id = orderId });

        var order = captured.GetProperty("order");
        Assert.Equal("PAID", order.GetProperty("paymentStatus").GetString());
        Assert.Equal("91.89", order.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Contains("PAYMENT_PAID", order.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, refund.GetProperty("order").ValueKind);
    }

    [Fact]
    public async Task DeclinedAuthorization_BackAtPaymentWithTheMerchantsReason_ThenANewKeyAuthorizes()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await ReadyToPayAsync(api);
        await fixture.Sandbox.SetFaultAsync("livescale", new FaultSpec { Decline = true });

        var declined = await api.FailAsync("checkoutSubmitPayment", "PAYMENT_DECLINED", PayMutation, new { id = cartId, key = OrderFlowCheckoutTests.NewKey(), tx = "psp_tx_declined" });
        await fixture.Sandbox.ClearFaultAsync("livescale");
        var retried = await api.MutateAsync("checkoutSubmitPayment", PayMutation, new { id = cartId, key = OrderFlowCheckoutTests.NewKey(), tx = "psp_tx_retry" });

        Assert.Equal("FAILED", declined.GetProperty("paymentStatus").GetString());
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("order").ValueKind);
        var checkout = declined.GetProperty("cart").GetProperty("checkout");
        Assert.Equal("PAYMENT_FAILED", checkout.GetProperty("status").GetString());
        Assert.Equal("PAYMENT", checkout.GetProperty("currentStep").GetString());
        Assert.Contains("refused the authorization", checkout.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("AUTHORIZED", retried.GetProperty("paymentStatus").GetString());
        Assert.Equal(JsonValueKind.String, retried.GetProperty("order").GetProperty("id").ValueKind);
        Assert.Equal("COMPLETE", retried.GetProperty("cart").GetProperty("checkout").GetProperty("status").GetString());
    }

    [Fact]
    public async Task CaptureFailedAtThePsp_StaysAuthorizedWithTheReason_AndARetryPaysExactlyOnce()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await ReadyToPayAsync(api);
        var authorized = await api.MutateAsync("checkoutSubmitPayment", PayMutation, new { id = cartId, key = OrderFlowCheckoutTests.NewKey(), tx = "psp_tx_capture_retry" });
        var orderId = authorized.GetProperty("order").GetProperty("id").GetString();
        await fixture.Sandbox.SetFaultAsync("livescale", new FaultSpec { CaptureFailure = "PSP timeout" });

        var failed = await api.FailAsync("orderCapture", "CAPTURE_FAILED", CaptureMutation, new { id = orderId, key = OrderFlowCheckoutTests.NewKey() });
        await fixture.Sandbox.ClearFaultAsync("livescale");
        var retryKey = OrderFlowCheckoutTests.NewKey();
        var retried = await api.MutateAsync("orderCapture", CaptureMutation, new { id = orderId, key = retryKey });
        var replayed = await api.MutateAsync("orderCapture", CaptureMutation, new { id = orderId, key = retryKey });
        var again = await api.MutateAsync("orderCapture", CaptureMutation, new { id = orderId, key = OrderFlowCheckoutTests.NewKey() });
        var read = (await api.DataAsync("query($id: ID!) { order(id: $id) { paymentStatus amountPaid { amount } total { amount } } }", new { id = orderId })).GetProperty("order");

        var afterFailure = failed.GetProperty("order");
        Assert.Equal("AUTHORIZED", afterFailure.GetProperty("paymentStatus").GetString());
        Assert.Equal("PSP timeout", afterFailure.GetProperty("failureReason").GetString());
        Assert.Contains("CAPTURE_FAILED", afterFailure.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("0.00", afterFailure.GetProperty("amountPaid").GetProperty("amount").GetString());
        var total = retried.GetProperty("order").GetProperty("total").GetProperty("amount").GetString();
        Assert.Equal("PAID", retried.GetProperty("order").GetProperty("paymentStatus").GetString());
        Assert.Equal(total, retried.GetProperty("order").GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(total, replayed.GetProperty("order").GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(total, read.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("PAID", read.GetProperty("paymentStatus").GetString());
        Assert.Single(retried.GetProperty("order").GetProperty("timeline").EnumerateArray(), e => e.GetProperty("name").GetString() == "PAYMENT_PAID");
        Assert.Equal(total, again.GetProperty("order").GetProperty("amountPaid").GetProperty("amount").GetString());
    }

    private const string CaptureMutation = "mutation($id: ID!, $key: String) { orderCapture(orderId: $id, idempotencyKey: $key) { order { paymentStatus failureReason amountPaid { amount } total { amount } timeline { name } } userErrors { code field message } } }";

    [Fact]
    public async Task SoldOutItem_IsASoldOutUserError_AndTheCartStaysEmpty()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await NewCartAsync(api);
        await fixture.Sandbox.SetFaultAsync("livescale", new FaultSpec { SoldOut = true });

        var payload = await api.FailAsync("cartLinesAdd", "SOLD_OUT", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-BLK-M\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await fixture.Sandbox.ClearFaultAsync("livescale");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("cart").ValueKind);
        Assert.Equal(0, (await OrderFlowCheckoutTests.CartAsync(api, cartId)).GetProperty("lines").GetArrayLength());
    }

    private static async Task<string> NewCartAsync(CommerceApi api) =>
        (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"livescale-demo\", currency: \"USD\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString()!;

    /// <summary>A cart of one T-shirt with buyer, addresses and the first shipping method: only payment left.</summary>
    internal static async Task<string> ReadyToPayAsync(CommerceApi api)
    {
        var cartId = await NewCartAsync(api);
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-BLK-M\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"guest@example.test\", firstName: \"Grace\", lastName: \"Hopper\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartAddressesUpdate", "mutation($id: ID!) { cartAddressesUpdate(cartId: $id, shippingAddress: { address1: \"1 Market Street\", city: \"San Francisco\", zip: \"94105\", countryCode: \"US\", provinceCode: \"CA\" }, billingAddress: { address1: \"1 Market Street\", city: \"San Francisco\", zip: \"94105\", countryCode: \"US\", provinceCode: \"CA\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var methods = (await api.DataAsync("query($id: ID!) { cart(id: $id) { availableShippingMethods { id } } }", new { id = cartId })).GetProperty("cart").GetProperty("availableShippingMethods");
        var ready = (await api.MutateAsync("cartShippingMethodUpdate", "mutation($id: ID!, $m: ID!) { cartShippingMethodUpdate(cartId: $id, shippingMethodId: $m) { cart { checkout { currentStep } } userErrors { code field message } } }", new { id = cartId, m = methods[0].GetProperty("id").GetString() })).GetProperty("cart");
        Assert.Equal("PAYMENT", ready.GetProperty("checkout").GetProperty("currentStep").GetString());
        return cartId;
    }
}
