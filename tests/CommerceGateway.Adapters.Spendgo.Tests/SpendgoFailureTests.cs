using CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;
using CommerceGateway.Testing;
using static CommerceGateway.Adapters.Spendgo.Tests.Infrastructure.SpendgoOrders;

namespace CommerceGateway.Adapters.Spendgo.Tests;

/// <summary>Backend outages, credentials, unknown members and unreadable answers.</summary>
public sealed class SpendgoFailureTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => SpendgoTestChannel.Bounded;

    [Fact]
    public async Task GetBalance_BackendDown_RaisesBackendUnavailableWithinTheChannelTimeout()
    {
        using var channel = new SpendgoTestChannel(sandbox, o => o.Resilience.MaxRetryAttempts = 1);
        channel.Traffic.InjectFault("/balance", "status=503");
        channel.Traffic.InjectFault("/balance", "status=503");
        var started = TimeProvider.System.GetTimestamp();

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.GetBalanceAsync("sg-1001", Ct));

        Assert.Equal(CommerceErrorCodes.BackendUnavailable, error.Code);
        Assert.True(error.IsFault);
        Assert.Equal(503, error.StatusCode);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task SubmitOrder_BackendUnreachable_RaisesBackendUnavailable()
    {
        // Nothing listens on this port: the whole loyalty backend is down.
        using var channel = new SpendgoTestChannel(sandbox, o => o.BaseUrl = $"http://127.0.0.1:{FreePort.Next()}/spendgo/");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() =>
            channel.Backend.SubmitOrderAsync(Order(NewOrderId(), null, LoyaltyOrderStatus.Checkout, null, null, Downtown, Item("PLATTER", 40.00m)), Ct));

        Assert.True(error.IsFault);
    }

    [Fact]
    public async Task GetRewards_BackendTimesOut_RaisesBackendTimeout()
    {
        using var channel = new SpendgoTestChannel(sandbox, o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(700);
        });
        await channel.Backend.GetBalanceAsync("sg-1002", Ct);
        channel.Traffic.InjectFault("/rewards", "timeout");
        channel.Traffic.InjectFault("/rewards", "timeout");
        channel.Traffic.InjectFault("/rewards", "timeout");

        var error = await Assert.ThrowsAsync<BackendTimeoutException>(() => channel.Backend.GetRewardsAsync("sg-1002", Downtown, Ct));

        Assert.Equal(CommerceErrorCodes.BackendTimeout, error.Code);
    }

    [Fact]
    public async Task GetBalance_TokenRevokedAtTheBackend_FetchesANewTokenAndReplaysOnce()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        await channel.Backend.GetBalanceAsync("sg-1002", Ct);
        await SpendgoSandboxAdmin.RevokeTokensAsync(sandbox);

        var balance = await channel.Backend.GetBalanceAsync("sg-1002", Ct);

        Assert.Equal(0m, balance.Points);
        Assert.Equal(2, channel.Traffic.Count("oauth2/v1/token"));
        Assert.Equal([200, 401, 200], channel.Traffic.Exchanges.Where(e => e.Path.EndsWith("/balance", StringComparison.Ordinal)).Select(e => e.Status));
    }

    [Fact]
    public async Task GetBalance_WrongSharedSecret_RaisesAFaultNamingTheCredentials()
    {
        using var channel = new SpendgoTestChannel(sandbox, o => o.Credentials["ClientSecret"] = "not-the-secret");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.GetBalanceAsync("sg-1001", Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("Credentials:ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBalance_UnknownMember_RaisesNotFound()
    {
        using var channel = new SpendgoTestChannel(sandbox);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.GetBalanceAsync("sg-does-not-exist", Ct));

        Assert.Equal(CommerceErrorCodes.NotFound, error.Code);
        Assert.Equal("member_not_found", error.BackendCode);
    }

    [Fact]
    public async Task GetBalance_MemberOfAnotherAccount_IsNotVisible()
    {
        using var channel = new SpendgoTestChannel(sandbox, o =>
        {
            o.Credentials["ClientId"] = "spendgo-other";
            o.Credentials["ClientSecret"] = "spendgo-other-secret";
            o.Credentials["AccountId"] = "acct-other";
        });

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.GetBalanceAsync("sg-1001", Ct));

        Assert.Equal(CommerceErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public async Task GetBalance_MalformedAnswer_RaisesAProtocolError()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        channel.Traffic.InjectFault("/balance", "malformed");

        var error = await Assert.ThrowsAsync<BackendProtocolException>(() => channel.Backend.GetBalanceAsync("sg-1001", Ct));

        Assert.Equal("(body)", error.Field);
    }

    [Fact]
    public async Task SubmitOrder_AnswerWithoutAStatus_RaisesAProtocolErrorNamingTheField()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        channel.Traffic.RewriteAnswer("/orders", "{\"order_id\": \"x\", \"discount\": 0}");

        var error = await Assert.ThrowsAsync<BackendProtocolException>(() =>
            channel.Backend.SubmitOrderAsync(Order("x", null, LoyaltyOrderStatus.Checkout, null, null, Downtown, Item("PLATTER", 40.00m)), Ct));

        Assert.Equal("status", error.Field);
    }

    [Fact]
    public async Task SubmitOrder_DiscountSentAsAString_IsReadExactly()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var orderId = NewOrderId();
        channel.Traffic.RewriteAnswer("/orders", $"{{\"order_id\": \"{orderId}\", \"status\": \"checkout\", \"discount\": \"3.10\", \"points_earned\": 0, \"balance\": null}}");

        var result = await channel.Backend.SubmitOrderAsync(Order(orderId, null, LoyaltyOrderStatus.Checkout, null, null, Downtown, Item("PLATTER", 40.00m)), Ct);

        Assert.Equal(Usd(3.10m), result.Discount);
    }
}
