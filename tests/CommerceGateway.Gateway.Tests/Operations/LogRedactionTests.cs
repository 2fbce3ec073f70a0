using CommerceGateway.Adapters;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.Operations;

public sealed class LogRedactionTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private const string Email = "redaction.probe@example.test";
    private const string PspToken = "tok_visa";

    [Fact]
    public async Task Logs_OfTokenIssuancePartnerCallAndPayment_CarryCorrelationIdsButNoSecretTokenEmailOrPaymentReference()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox, new Dictionary<string, string?> { ["Channels:orderflow-demo:Settings:Price.1234"] = "50.00" }));
        var token = await app.GetTokenAsync(scope: "partners:read", audience: "partners");
        const string CorrelationId = "redaction-probe-1";

        // The token also in the query string, as careless partners send it: URLs are what frameworks log.
        using var partner = app.CreateAuthorizedClient(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/partners/echo/orders?access_token={token}&email={Uri.EscapeDataString(Email)}", UriKind.Relative));
        request.Headers.Add("X-Correlation-Id", CorrelationId);
        using var proxied = await partner.SendAsync(request);
        proxied.EnsureSuccessStatusCode();

        var backend = app.Services.GetRequiredService<IChannelRegistry>().GetCommerceBackend("orderflow-demo");
        var cart = await backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), Operations.Bounded);
        cart = await backend.AddLinesAsync(cart, [new CartLineInput("1234", 1)], Operations.Bounded);
        cart = await backend.UpdateBuyerAsync(cart, new Buyer(Email, "Probe", "Buyer"), Operations.Bounded);
        cart = await backend.BeginCheckoutAsync(cart, Operations.Bounded);
        cart = await backend.UpdateAddressesAsync(cart, new Address("17 boulevard", "Brooklyn", "11201", "US", RegionCode: "NY"), null, Operations.Bounded);
        var paid = await backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Total, PspToken, null, "stripe"), Operations.Bounded);

        var logs = app.Logs.AllText;

        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Contains(app.Logs.Entries, e => e.Values.TryGetValue("scope.CorrelationId", out var id) && (string?)id == CorrelationId);
        Assert.Contains(app.Logs.Entries, e => e.Category.StartsWith("CommerceGateway.Adapters.Channel.orderflow-demo", StringComparison.Ordinal));
        Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoClients.PartnerSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(Email), logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PspToken, logs, StringComparison.Ordinal);
        if (paid.Order?.PspTransactionId is { Length: > 3 } transaction)
        {
            Assert.DoesNotContain(transaction, logs, StringComparison.Ordinal);
        }
    }
}
