using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Livescale;

/// <summary>
/// <c>PUT /orders/{id}</c>: the authorization with its PSP transaction id (stored for refunds), a
/// failed authorization with its reason, and a capture reported later with its payment status.
/// </summary>
public sealed class LivescaleOrderReportTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task Authorization_WithoutPspTransactionId_IsRefused()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);
        var order = await api.OrderAsync(await api.ReadyBasketAsync("CAP-RED", 1));

        var (status, _) = await api.SendAsync(HttpMethod.Put, $"orders/{order.GetProperty("id").GetString()}", """{"status":"NEW"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task CaptureLater_FailedThenPaid_KeepsThePspTransactionIdAndReportsTheReason()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);
        var created = await api.OrderAsync(await api.ReadyBasketAsync("CAP-RED", 1));
        var path = $"orders/{created.GetProperty("id").GetString()}";

        var (_, authorized) = await api.SendAsync(HttpMethod.Put, path, """{"status":"NEW","psp_name":"stripe","psp_transaction_id":"pi_123","card_type":"visa"}""");
        var (otherPsp, _) = await api.SendAsync(HttpMethod.Put, path, """{"payment_status":"PAID","psp_transaction_id":"pi_999"}""");
        var (_, failed) = await api.SendAsync(HttpMethod.Put, path, """{"payment_status":"FAILED","reason":"Insufficient funds"}""");
        var (status, paid) = await api.SendAsync(HttpMethod.Put, path, """{"payment_status":"PAID","psp_transaction_id":"pi_123"}""");

        Assert.Equal(("PENDING", "PENDING"), (created.GetProperty("status").GetString(), created.GetProperty("payment_status").GetString()));
        Assert.Equal(("NEW", "AUTHORIZED"), (authorized.GetProperty("status").GetString(), authorized.GetProperty("payment_status").GetString()));
        Assert.Equal("pi_123", authorized.GetProperty("psp_transaction_id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, otherPsp);
        Assert.Equal(("NEW", "FAILED"), (failed.GetProperty("status").GetString(), failed.GetProperty("payment_status").GetString()));
        Assert.Equal("Insufficient funds", failed.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("PAID", paid.GetProperty("payment_status").GetString());
        Assert.Equal(paid.GetProperty("total_invoiced").GetDecimal(), paid.GetProperty("total_paid").GetDecimal());
        Assert.Equal("pi_123", paid.GetProperty("psp_transaction_id").GetString());
        Assert.False(paid.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task AuthorizationFailed_WithReason_FailsTheOrderAndLetsTheBasketBeOrderedAgain()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);
        var basketId = await api.ReadyBasketAsync("JOG-NVY-M", 15);
        var first = await api.OrderAsync(basketId);

        var (_, failed) = await api.SendAsync(HttpMethod.Put, $"orders/{first.GetProperty("id").GetString()}", """{"status":"FAILED","reason":"3-D Secure abandoned"}""");
        var again = await api.OrderAsync(basketId);

        Assert.Equal(("FAILED", "FAILED"), (failed.GetProperty("status").GetString(), failed.GetProperty("payment_status").GetString()));
        Assert.Equal("3-D Secure abandoned", failed.GetProperty("reason").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateOrder_BasketMissingSteps_IsRefusedListingThem()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);
        await api.LoginAsync();
        var (_, basket) = await api.SendAsync(HttpMethod.Post, "baskets", """[{"id":"MUG-WHT","quantity":1}]""");

        var (status, body) = await api.SendAsync(HttpMethod.Post, "orders", $$"""{"basket_id":"{{basket.GetProperty("id").GetString()}}"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("basket_incomplete", body.GetProperty("error").GetString());
        Assert.Contains("customer, shipping_address, shipping_method, billing_address, payment_method", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
