using CommerceGateway.Checkout;
using CommerceGateway.Gateway.Tests.GraphQL;
using CommerceGateway.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>Two gateway replicas on one redis-server: Livescale's calls land on either, as behind a load balancer.</summary>
public sealed class LivescaleReplicaTests(ReplicaFixture replicas) : IClassFixture<ReplicaFixture>
{
    [Fact]
    public async Task FlowSpreadOverTwoReplicas_WithTheCaptureReportedToBothAtOnce_PaysTheBackendOnce()
    {
        var conformance = new LivescaleConformance();
        // Each test host is its own issuer (its loopback address), so each replica issues Livescale its token.
        using var first = new LivescaleShopper(replicas.First.App.CreateHttpClient().BaseAddress!, "orderflow-demo", conformance, await TokenAsync(replicas.First, conformance));
        using var second = new LivescaleShopper(replicas.Second.App.CreateHttpClient().BaseAddress!, "orderflow-demo", conformance, await TokenAsync(replicas.Second, conformance));

        await first.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var id = (await first.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = "1234", quantity = 2 }, new { id = "2345", quantity = 1 } }, 201)).GetProperty("id").GetString()!;
        await second.OkAsync(HttpMethod.Put, $"baskets/{id}/customer", new { email = "ada@example.test" });
        await first.OkAsync(HttpMethod.Put, $"baskets/{id}/shipping_address", LivescaleFlow.Address);
        await second.OkAsync(HttpMethod.Put, $"baskets/{id}/shipping_method", new { id = "standard" });
        await first.OkAsync(HttpMethod.Put, $"baskets/{id}/billing_address", LivescaleFlow.Address);
        await second.OkAsync(HttpMethod.Put, $"baskets/{id}/payment_method", new { id = "LIVESCALE" });
        var order = await LivescaleFlow.AuthorizedOrderAsync(second, id, LivescaleFlow.NewTransaction());
        var orderId = order.GetProperty("id").GetString();

        var reports = await Task.WhenAll(
            first.SendAsync(HttpMethod.Put, $"orders/{orderId}", new { payment_status = "PAID" }),
            second.SendAsync(HttpMethod.Put, $"orders/{orderId}", new { payment_status = "PAID" }));
        var settled = await first.OkAsync(HttpMethod.Put, $"orders/{orderId}", new { payment_status = "PAID" }, 201);

        // Each report is taken or refused as a conflict to retry; none pays a second time.
        Assert.All(reports, r => Assert.True(r.Status is 201 or 409, $"{r.Status} {r.Body}"));
        Assert.Contains(reports, r => r.Status == 201);
        Assert.All(reports.Where(r => r.Status == 201), r => Assert.Equal("PAID", r.Body.GetProperty("payment_status").GetString()));
        Assert.Equal("PAID", settled.GetProperty("payment_status").GetString());
        var merchant = await replicas.Second.App.Services.GetRequiredService<OrderService>()
            .GetOrderAsync(new ClientContext(DemoClients.LivescaleId), settled.GetProperty("merchant_order_id").GetString()!, CancellationToken.None);
        Assert.Equal(200.00m, merchant!.Order.AmountPaid.Amount);
        Assert.Equal(200.00m, settled.GetProperty("total_paid").GetDecimal());
    }

    private static async Task<string> TokenAsync(CommerceGatewayHost host, LivescaleConformance conformance)
    {
        using var anonymous = new LivescaleShopper(host.App.BaseUrl, "orderflow-demo", conformance);
        return (await anonymous.RequestTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret)).Body.GetProperty("access_token").GetString()!;
    }
}
