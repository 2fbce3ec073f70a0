using System.Diagnostics;
using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>
/// A short Retry-After is waited out: the sandbox allows 3 requests in 3 seconds here, a window wide
/// enough that a cold, busy test process still sends its fourth request inside it.
/// </summary>
public sealed class GuestManagerRateLimitTests : IClassFixture<SandboxServer>
{
    private const int RateLimitedEvent = 6101;
    private readonly SandboxServer _sandbox;

    public GuestManagerRateLimitTests(SandboxServer sandbox)
    {
        _sandbox = sandbox;
        var settings = sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>();
        settings.RateLimit = 3;
        settings.RateLimitWindow = TimeSpan.FromSeconds(3);
    }

    [Fact]
    public async Task AddLines_RateLimited_WaitsRetryAfterThenAddsEachLineOnce()
    {
        using var channel = Create(_sandbox);
        var watch = Stopwatch.StartNew();

        // Create, then four line additions: the fourth request or later meets the limit.
        var cart = await channel.CartAsync(Guest, ("101", 1), ("102", 1), ("201", 1), ("501", 1));

        var waits = channel.Logs.WithEvent(RateLimitedEvent);
        Assert.NotEmpty(waits);
        Assert.All(waits, w => Assert.InRange(Convert.ToDouble(w.Values["RetryAfterSeconds"], System.Globalization.CultureInfo.InvariantCulture), 1d, 3d));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {watch.Elapsed}");
        Assert.Equal(["101", "102", "201", "501"], cart.Lines.Select(l => l.MerchandiseId));
        Assert.All(cart.Lines, l => Assert.Equal(1, l.Quantity));
    }

    [Fact]
    public async Task GetShippingOptions_RateLimited_IsSentAgainAfterRetryAfter()
    {
        using var channel = Create(_sandbox);
        var cart = await channel.CartAsync(Guest, ("201", 1));
        var watch = Stopwatch.StartNew();

        // Five reads in a row against a limit of three in three seconds: at least one is answered 429 and waited out.
        var reads = new List<IReadOnlyList<ShippingOption>>();
        for (var i = 0; i < 5; i++)
        {
            reads.Add(await channel.Backend.GetShippingOptionsAsync(cart, Bounded));
        }

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {watch.Elapsed}");
        Assert.All(reads, Assert.Empty);
    }
}
