using CommerceGateway.Adapters.OneBox.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OneBox.Tests;

/// <summary>The client-credentials token: cached, renewed once on a 401, and wrong credentials are a clear fault.</summary>
public sealed class BookingTokenTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    [Fact]
    public async Task AnyCall_TokenExpiredAtTheBackend_FetchesANewTokenAndReplaysTheCall()
    {
        // The gateway's clock still thinks the cached token is fresh; the backend's says it expired.
        using var gateway = BookingGateway.Start(sandbox, TimeProvider.System);
        await gateway.NewCartAsync();
        sandbox.Clock.Advance(TimeSpan.FromHours(2));

        var map = await gateway.Backend.GetSeatMapAsync("2002", CancellationToken.None);

        Assert.NotEmpty(map.Seats);
        Assert.Equal(2, gateway.Faults.Sent.Count(p => p.EndsWith("/oauth/token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnyCall_CachedToken_IsFetchedOnce()
    {
        using var gateway = BookingGateway.Start(sandbox);

        await gateway.Backend.GetSeatMapAsync("2002", CancellationToken.None);
        await gateway.Backend.GetSeatMapAsync("2001", CancellationToken.None);

        Assert.Equal(1, gateway.Faults.Sent.Count(p => p.EndsWith("/oauth/token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnyCall_WrongClientSecret_RaisesUnavailableNamingTheCredentials()
    {
        using var gateway = BookingGateway.Start(sandbox, clientSecret: "wrong");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => gateway.NewCartAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret", error.Message, StringComparison.Ordinal);
    }
}
