using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Who may call <c>/graphql</c>, and whose carts and orders they see.</summary>
public sealed class GraphQLAccessTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>
{
    private const string Create = "mutation { cartCreate(channel: \"orderflow-demo\") { cart { id } userErrors { code field message } } }";

    [Fact]
    public async Task RequestWithoutCredential_Is401WithABearerChallenge()
    {
        using var http = fixture.Host.App.CreateHttpClient();

        using var response = await http.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query = "{ channels { name } }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UNAUTHENTICATED", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownPublishableKey_Is401()
    {
        using var http = fixture.Host.App.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Storefront-Key", "pk_not_a_key_at_all_000");

        using var response = await http.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query = "{ channels { name } }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudience_Is403()
    {
        var partnerToken = await fixture.Host.App.GetTokenAsync();
        using var http = fixture.Host.App.CreateAuthorizedClient(partnerToken);

        using var response = await http.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query = "{ channels { name } }" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Channels_ListEveryProtocolWithCapabilities()
    {
        using var api = await fixture.Host.StorefrontAsync();

        var channels = (await api.DataAsync("{ channels { name adapter capabilities defaultCurrency loyaltyProgram } }")).GetProperty("channels");

        var byName = channels.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal(["booking", "example", "guestmanager", "livescale", "orderflow", "spendgo"], byName.Values.Select(c => c.GetProperty("adapter").GetString()!).Distinct().Order());
        Assert.Contains("BOOKINGS", byName["booking-demo"].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("spendgo-demo", byName["orderflow-demo"].GetProperty("loyaltyProgram").GetString());
        Assert.Equal(["CAPTURE_LATER", "LOYALTY_DISCOUNTS", "REFUNDS"], byName["example-demo"].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!).Order());

        // loyalty-demo both earns and redeems: the Development channel for the loyalty walkthrough.
        Assert.Equal(["CAPTURE_LATER", "LOYALTY", "LOYALTY_DISCOUNTS", "REFUNDS"], byName["loyalty-demo"].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!).Order());
        Assert.Equal("spendgo-demo", byName["loyalty-demo"].GetProperty("loyaltyProgram").GetString());

        // OrderFlow earns points but cannot take a reward's discount off, so a front-end can tell rewards will be refused.
        Assert.DoesNotContain("LOYALTY_DISCOUNTS", byName["orderflow-demo"].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task PublishableKey_CanShopButCannotManageOrders()
    {
        using var browser = fixture.Host.Browser();

        var created = await browser.MutateAsync("cartCreate", Create);
        var capture = await browser.SendAsync("mutation { orderCapture(orderId: \"order_x\") { order { id } userErrors { code } } }");

        Assert.StartsWith("cart_", created.GetProperty("cart").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("FORBIDDEN", capture.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnotherClientsCart_IsNullOnReadAndNotFoundOnChange()
    {
        using var storefront = await fixture.Host.StorefrontAsync();
        using var browser = fixture.Host.Browser();
        var cartId = (await storefront.MutateAsync("cartCreate", Create)).GetProperty("cart").GetProperty("id").GetString()!;

        var read = await browser.DataAsync("query($id: ID!) { cart(id: $id) { id } }", new { id = cartId });
        await browser.FailAsync("cartLinesAdd", "NOT_FOUND", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"1234\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });

        Assert.Equal(JsonValueKind.Null, read.GetProperty("cart").ValueKind);
        // 128 random bits, URL-safe base64 (22 characters) after the prefix.
        Assert.Equal(22, cartId["cart_".Length..].Length);
    }

    [Fact]
    public async Task StaleExpectedVersion_IsAConflictAndNothingIsLost()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cart = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"orderflow-demo\") { cart { id version } userErrors { code field message } } }")).GetProperty("cart");
        var id = cart.GetProperty("id").GetString();
        var version = cart.GetProperty("version").GetInt64();
        const string Add = "mutation($id: ID!, $v: Int) { cartLinesAdd(cartId: $id, expectedVersion: $v, lines: [{ merchandiseId: \"1234\", quantity: 1 }]) { cart { version lines { quantity } } userErrors { code field message } } }";

        await api.MutateAsync("cartLinesAdd", Add, new { id, v = version });
        await api.FailAsync("cartLinesAdd", "CONFLICT", Add, new { id, v = version });

        var lines = (await api.DataAsync("query($id: ID!) { cart(id: $id) { lines { quantity } } }", new { id })).GetProperty("cart").GetProperty("lines");
        Assert.Equal(1, lines.GetArrayLength());
    }

    [Fact]
    public async Task InputsCannotSetPrices_TheAmountMustEqualTheCartTotal()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(api)).GetProperty("id").GetString();

        var payload = await api.FailAsync(
            "checkoutSubmitPayment",
            "INVALID_INPUT",
            "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspToken: \"tok_visa\", amount: { amount: \"1.00\", currencyCode: \"USD\" } }) { order { id } userErrors { code field message } } }",
            new { id = cartId, key = OrderFlowCheckoutTests.NewKey() });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
    }
}
