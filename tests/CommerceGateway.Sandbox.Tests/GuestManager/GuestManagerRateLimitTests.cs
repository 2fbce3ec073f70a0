using System.Net;
using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Sandbox.Tests.GuestManager;

/// <summary>The documented 300 requests a minute, scaled down to 3 a minute on the fake clock.</summary>
public sealed class GuestManagerRateLimitTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    [Fact]
    public void Settings_Default_AreThreeHundredRequestsAMinute()
    {
        var defaults = new GuestManagerSandboxSettings();

        Assert.Equal(300, defaults.RateLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), defaults.RateLimitWindow);
        Assert.Equal(TimeSpan.FromMinutes(15), defaults.HoldDuration);
    }

    [Fact]
    public async Task AnyCall_OverTheLimit_Is429WithRetryAfterUntilTheWindowMoves()
    {
        var settings = sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>();
        settings.RateLimit = 3;
        using var api = new GuestManagerApi(sandbox);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await api.GetAsync(1)).Status);
            sandbox.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var limited = await api.GetAsync(1);
        using var anonymous = new GuestManagerApi(sandbox, key: null);
        var unauthenticated = await anonymous.GetAsync(1);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        var again = await api.GetAsync(1);

        limited.Error(HttpStatusCode.TooManyRequests, "rate_limited");
        // The first of the three requests leaves the one-minute window 30 s from now.
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(30, limited.Body.GetProperty("detail").GetProperty("retry_after").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, unauthenticated.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }
}
