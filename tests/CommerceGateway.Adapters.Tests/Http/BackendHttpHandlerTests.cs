using System.Diagnostics;
using System.Net;
using CommerceGateway.Testing;
using static CommerceGateway.Adapters.Tests.Http.ProbeChannel;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>What every call to a channel's backend carries and how transport faults surface.</summary>
public sealed class BackendHttpHandlerTests
{
    [Fact]
    public async Task Send_NothingListening_RaisesBackendUnavailable()
    {
        using var channel = new ProbeChannel(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Http.PostAsync(Path("orders"), null));

        Assert.Equal("shop", error.Channel);
        Assert.Equal(CommerceErrorCodes.BackendUnavailable, error.Code);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_InsideAnActivity_CarriesTheTraceIdAsCorrelationIdAndAsksForJson()
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(HttpStatusCode.OK);
        using var channel = new ProbeChannel(backend.BaseUrl);
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var response = await channel.Http.GetAsync(Path("items"));

        var arrival = Assert.Single(backend.Arrivals);
        Assert.Equal(activity.TraceId.ToHexString(), arrival.Headers["X-Correlation-Id"]);
        Assert.Contains("application/json", arrival.Headers["Accept"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RetriedGet_CarriesTheSameCorrelationIdOnEveryAttempt()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, call) =>
            LoopbackBackend.Answer(c, call == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
        using var channel = new ProbeChannel(backend.BaseUrl);
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(backend.Arrivals, a => Assert.Equal(activity.TraceId.ToHexString(), a.Headers["X-Correlation-Id"]));
        Assert.Equal(2, backend.Arrivals.Count);
    }
}
