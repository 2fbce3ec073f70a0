using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Gateway.Tests.Composition;

/// <summary>
/// The README walkthrough against the gateway as <c>dotnet run</c> starts it (Development, embedded
/// defaults, no <c>Identity:Issuer</c>) but on a port the system picks: tokens, the sandbox channels
/// and the partner cluster all follow the address it really listens on.
/// </summary>
public sealed class AnyAddressWalkthroughTests : IDisposable
{
    private readonly AnyPortGateway _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Walkthrough_OnAPortTheSystemPicks_RunsCheckoutOrderAndPartnerRoute()
    {
        using var http = _gateway.CreateRealClient();
        var address = http.BaseAddress!;
        Assert.NotEqual(5080, address.Port);
        Assert.NotEqual(0, address.Port);

        // 1. A token for the storefront client; it names this address as its issuer.
        var token = await TokenAsync(http, ("client_id", "storefront"), ("client_secret", "storefront-demo-secret"), ("scope", "catalog:read cart:write checkout:write"));
        Assert.Equal(address.GetLeftPart(UriPartial.Authority), Jwt.Payload(token).GetProperty("iss").GetString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // 3. A cart on the OrderFlow demo channel, with two products.
        var cart = (await GqlAsync(http, "mutation { cartCreate(channel: \"orderflow-demo\", currency: \"USD\") { cart { id } userErrors { code message } } }"))
            .GetProperty("cartCreate").GetProperty("cart").GetProperty("id").GetString()!;
        var id = new { id = cart };
        var lines = await GqlAsync(http, """
            mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{merchandiseId: "1234", quantity: 2}, {merchandiseId: "2345", quantity: 1}]) {
              cart { cost { subtotal { amount } total { amount currencyCode } } } userErrors { code message } } }
            """, id);
        var total = lines.GetProperty("cartLinesAdd").GetProperty("cart").GetProperty("cost").GetProperty("total");
        Assert.Equal("200.00", total.GetProperty("amount").GetString());
        Assert.Equal("USD", total.GetProperty("currencyCode").GetString());

        // 4. Buyer, checkout, shipping address.
        AssertNoUserErrors(await GqlAsync(http, """
            mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: {email: "ada@example.test", firstName: "Ada", lastName: "Lovelace"}) { userErrors { code message } } }
            """, id), "cartBuyerUpdate");
        var begun = await GqlAsync(http, "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { checkout { currentStep steps { kind completed missing } } } userErrors { code message } } }", id);
        AssertNoUserErrors(begun, "checkoutBegin");
        Assert.NotEqual(0, begun.GetProperty("checkoutBegin").GetProperty("cart").GetProperty("checkout").GetProperty("steps").GetArrayLength());
        var addressed = await GqlAsync(http, """
            mutation($id: ID!) { cartAddressesUpdate(cartId: $id, shippingAddress: {address1: "17 Boulevard", city: "Brooklyn", zip: "11201", countryCode: "US", provinceCode: "NY"}) {
              cart { checkout { currentStep } } userErrors { code message } } }
            """, id);
        AssertNoUserErrors(addressed, "cartAddressesUpdate");
        Assert.Equal("PAYMENT", addressed.GetProperty("cartAddressesUpdate").GetProperty("cart").GetProperty("checkout").GetProperty("currentStep").GetString());

        // 5. Pay with a PSP token and an idempotency key.
        var paid = (await GqlAsync(http, """
            mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, payment: {pspToken: "tok_visa", pspName: "stripe"}, idempotencyKey: $key) {
              paymentStatus order { id status paymentStatus } userErrors { code message } } }
            """, new { id = cart, key = "walkthrough-1" })).GetProperty("checkoutSubmitPayment");
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        var orderId = paid.GetProperty("order").GetProperty("id").GetString()!;

        // 6. The order, with the OrderFlow pipeline's timeline and the tracking number.
        var order = (await GqlAsync(http, "query($id: ID!) { order(id: $id) { status paymentStatus trackingNumber total { amount currencyCode } timeline { name occurredAt } } }", new { id = orderId }))
            .GetProperty("order");
        Assert.Equal("PAID", order.GetProperty("paymentStatus").GetString());
        Assert.False(string.IsNullOrEmpty(order.GetProperty("trackingNumber").GetString()));
        Assert.Equal("200.00", order.GetProperty("total").GetProperty("amount").GetString());
        Assert.Contains(order.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("name").GetString() == "PaymentProcessed");

        // 7. A partner route, proxied to the Guest Manager sandbox with its own API key.
        http.DefaultRequestHeaders.Authorization = null;
        var partner = await TokenAsync(http, ("client_id", "partner-demo"), ("client_secret", "partner-demo-secret"), ("audience", "partners"), ("scope", "partners:read partners:write"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/partners/guestmanager/api/public/v2/orders") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", partner);
        using var proxied = await http.SendAsync(request);
        var created = await proxied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, proxied.StatusCode);
        Assert.True(created.GetProperty("id").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(created.GetProperty("number").GetString()));
        Assert.Equal("cart", created.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Start_OnAnyPort_LogsNoWarningFromTheProxyOrItsHealthChecks()
    {
        using var http = _gateway.CreateRealClient();
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain(_gateway.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Yarp", StringComparison.Ordinal));
    }

    private static async Task<string> TokenAsync(HttpClient http, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent([new("grant_type", "client_credentials"), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await http.PostAsync(new Uri("/oauth/token", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> GqlAsync(HttpClient http, string query, object? variables = null)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), body);
        return root.GetProperty("data");
    }

    private static void AssertNoUserErrors(JsonElement data, string field) =>
        Assert.Equal(0, data.GetProperty(field).GetProperty("userErrors").GetArrayLength());

    /// <summary>The gateway's own Program on Kestrel, bound to 127.0.0.1 port 0, with nothing set but the environment.</summary>
    private sealed class AnyPortGateway : WebApplicationFactory<Program>
    {
        public AnyPortGateway() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        public CapturedLogs Logs { get; } = new();

        /// <summary>Starts the gateway and returns a plain client for the address it reports listening on.</summary>
        public HttpClient CreateRealClient()
        {
            StartServer();
            var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            return new HttpClient { BaseAddress = new Uri(addresses.Single()), Timeout = TimeSpan.FromSeconds(60) };
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        }
    }
}
