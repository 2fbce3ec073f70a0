using System.Net;
using static CommerceGateway.Adapters.Tests.Http.ProbeChannel;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>The channel's circuit breaker, and the state <c>/readyz</c> reads from it.</summary>
public sealed class BackendCircuitTests
{
    private static void Breaker(ChannelResilienceSettings r)
    {
        r.MaxRetryAttempts = 0;
        r.CircuitBreakerMinimumThroughput = 4;
        r.CircuitBreakerFailureRatio = 0.5;
        r.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(1);
    }

    [Fact]
    public async Task Send_RepeatedServerErrors_OpenTheCircuitAndStopCallingTheBackend()
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(HttpStatusCode.InternalServerError);
        using var channel = new ProbeChannel(backend.BaseUrl, Breaker);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(BackendCircuitState.Closed, channel.CircuitState);
            using var failed = await channel.Http.PostAsync(Path("orders"), null);
        }

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Http.GetAsync(Path("items")));

        Assert.Equal(4, backend.Arrivals.Count);
        Assert.Equal(BackendCircuitState.Open, channel.CircuitState);
        Assert.Equal(CommerceErrorCodes.BackendUnavailable, error.Code);
        Assert.Contains("circuit is open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AfterTheBreakTheBackendAnswers_ClosesTheCircuit()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, call) =>
            LoopbackBackend.Answer(c, call <= 4 ? HttpStatusCode.BadGateway : HttpStatusCode.OK));
        using var channel = new ProbeChannel(backend.BaseUrl, Breaker);
        for (var i = 0; i < 4; i++)
        {
            using var failed = await channel.Http.GetAsync(Path("items"));
        }

        Assert.Equal(BackendCircuitState.Open, channel.CircuitState);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BackendCircuitState.Closed, channel.CircuitState);
        Assert.Equal(5, backend.Arrivals.Count);
    }

    [Fact]
    public async Task Send_RepeatedTimeouts_OpenTheCircuit()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, _) => LoopbackBackend.Stall(c));
        using var channel = new ProbeChannel(backend.BaseUrl, r =>
        {
            Breaker(r);
            r.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        });
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<BackendTimeoutException>(() => channel.Http.PostAsync(Path("orders"), null));
        }

        await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Http.PostAsync(Path("orders"), null));

        Assert.Equal(BackendCircuitState.Open, channel.CircuitState);
        Assert.Equal(4, backend.Arrivals.Count);
    }

    [Fact]
    public async Task Send_RateLimitedAnswers_LeaveTheCircuitClosed()
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(HttpStatusCode.TooManyRequests);
        using var channel = new ProbeChannel(backend.BaseUrl, Breaker);
        for (var i = 0; i < 6; i++)
        {
            using var limited = await channel.Http.PostAsync(Path("orders"), null);
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        Assert.Equal(BackendCircuitState.Closed, channel.CircuitState);
        Assert.Equal(6, backend.Arrivals.Count);
    }
}
