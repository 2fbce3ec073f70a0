using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Livescale.Tests;

/// <summary>How an authorized Livescale order reads before and after its authorization lapses, against the sandbox over HTTP.</summary>
public sealed class LivescaleAuthorizationLifetimeTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => LivescaleTestBackend.Bounded;

    [Fact]
    public async Task GetOrder_WhileTheAuthorizationLives_ReadsAuthorized()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var order = await AuthorizedOrderAsync(channel);

        var read = await channel.Backend.GetOrderAsync(order, Ct);

        Assert.Equal(PaymentStatus.Authorized, read.PaymentStatus);
        Assert.Null(read.FailureReason);
        Assert.DoesNotContain(read.Events, e => e.Name == "AUTHORIZATION_LAPSED");
    }

    [Fact]
    public async Task GetOrder_AfterTheAuthorizationLapsed_ReadsAsAFailedPaymentWithTheReason()
    {
        using var channel = new LivescaleTestBackend(sandbox, o => o.Settings[LivescaleCommerceBackend.AuthorizationLifetimeSetting] = "00:00:00.001");
        var order = await AuthorizedOrderAsync(channel);
        await Task.Delay(20, Ct);
        var reportsBefore = channel.Traffic.Exchanges.Count;

        var read = await channel.Backend.GetOrderAsync(order, Ct);

        Assert.Equal(PaymentStatus.Failed, read.PaymentStatus);
        Assert.Equal(order.Status, read.Status);
        Assert.Equal(0m, read.AmountPaid.Amount);
        Assert.Contains("lapsed", read.FailureReason, StringComparison.Ordinal);
        Assert.Contains(LivescaleCommerceBackend.AuthorizationLifetimeSetting, read.FailureReason, StringComparison.Ordinal);
        var lapsed = Assert.Single(read.Events, e => e.Name == "AUTHORIZATION_LAPSED");
        Assert.Equal(read.FailureReason, lapsed.Detail);
        // A read tells the merchant nothing: the protocol has no call for a lapse.
        Assert.Equal(reportsBefore, channel.Traffic.Exchanges.Count);
    }

    [Fact]
    public async Task Capture_OfAnOrderReadAfterItsAuthorizationLapsed_IsRefusedWithTheLapseAndReportsNothing()
    {
        using var channel = new LivescaleTestBackend(sandbox, o => o.Settings[LivescaleCommerceBackend.AuthorizationLifetimeSetting] = "00:00:00.001");
        var order = await AuthorizedOrderAsync(channel);
        await Task.Delay(20, Ct);
        var read = await channel.Backend.GetOrderAsync(order, Ct);
        var reportsBefore = channel.Traffic.Exchanges.Count;

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.CaptureAsync(read, null, Ct));

        Assert.Equal(CommerceErrorCodes.InvalidStep, error.Code);
        Assert.Contains("lapsed", error.Message, StringComparison.Ordinal);
        Assert.Contains(LivescaleCommerceBackend.AuthorizationLifetimeSetting, error.Message, StringComparison.Ordinal);
        Assert.Equal(reportsBefore, channel.Traffic.Exchanges.Count);
    }

    private static async Task<Order> AuthorizedOrderAsync(LivescaleTestBackend channel)
    {
        var cart = await LivescaleFlow.ReadyForPaymentAsync(channel.Backend, CurrencyCode.Usd, new CartLineInput("CAP-RED", 1));
        var order = (await channel.Backend.SubmitPaymentAsync(cart, LivescaleFlow.Authorized(cart.Totals.Total), Ct)).Order!;
        Assert.Equal(PaymentStatus.Authorized, order.PaymentStatus);
        return order;
    }
}
