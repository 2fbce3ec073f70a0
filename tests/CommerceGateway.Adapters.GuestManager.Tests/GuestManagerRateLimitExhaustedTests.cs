using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>A Retry-After longer than the channel waits is reported at once: the sandbox allows one request a minute here.</summary>
public sealed class GuestManagerRateLimitExhaustedTests : IClassFixture<SandboxServer>
{
    private readonly SandboxServer _sandbox;

    public GuestManagerRateLimitExhaustedTests(SandboxServer sandbox)
    {
        _sandbox = sandbox;
        var settings = sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>();
        settings.RateLimit = 1;
        settings.RateLimitWindow = TimeSpan.FromMinutes(1);
    }

    [Fact]
    public async Task AddLines_RetryAfterLongerThanTheChannelWaits_RaisesUnavailableWith429AndTheWait()
    {
        using var channel = Create(_sandbox, o => o.Settings["RateLimitMaxWait"] = "00:00:02");
        var cart = await channel.CartAsync(Guest);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.AddLinesAsync(cart, [new CartLineInput("101", 1)], Bounded));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("rate limiting", error.Message, StringComparison.Ordinal);
        // The sandbox counts the window from the cart request, so a slow machine may report 59 s or less.
        var match = Regex.Match(error.Message, @"retry after (\d+) s", RegexOptions.CultureInvariant);
        Assert.True(match.Success, error.Message);
        Assert.InRange(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 3, 60);
    }
}
