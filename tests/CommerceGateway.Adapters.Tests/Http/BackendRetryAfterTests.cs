using System.Diagnostics;
using System.Net;
using static CommerceGateway.Adapters.Tests.Http.ProbeChannel;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>How a backend's Retry-After steers retries of safe calls, within the channel's total timeout.</summary>
public sealed class BackendRetryAfterTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Get_RetryAfter_IsWaitedBeforeTheRetry(HttpStatusCode status)
    {
        await using var backend = await LoopbackBackend.StartAsync((c, call) =>
            call == 1 ? LoopbackBackend.Answer(c, status, retryAfterSeconds: 1) : LoopbackBackend.Answer(c, HttpStatusCode.OK));
        using var channel = new ProbeChannel(backend.BaseUrl);

        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var arrivals = backend.Arrivals;
        Assert.Equal(2, arrivals.Count);
        // The backoff alone would wait about a millisecond here.
        Assert.InRange(arrivals[1].At - arrivals[0].At, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Get_RetryAfterAsAnHttpDate_IsWaitedBeforeTheRetry()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, call) =>
        {
            if (call > 1)
            {
                return LoopbackBackend.Answer(c, HttpStatusCode.OK);
            }

            // HTTP dates have whole seconds: 3 s ahead is a wait of more than 2 s, less than 3 s.
            c.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(3).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return LoopbackBackend.Answer(c, HttpStatusCode.ServiceUnavailable);
        });
        using var channel = new ProbeChannel(backend.BaseUrl, r => r.TotalTimeout = TimeSpan.FromSeconds(10));

        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var arrivals = backend.Arrivals;
        Assert.Equal(2, arrivals.Count);
        Assert.InRange(arrivals[1].At - arrivals[0].At, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Get_RetryAfterLongerThanTheTotalTimeout_ReturnsTheAnswerAtOnce()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, _) => LoopbackBackend.Answer(c, HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 120));
        using var channel = new ProbeChannel(backend.BaseUrl, r => r.TotalTimeout = TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), response.Headers.RetryAfter?.Delta);
        Assert.Single(backend.Arrivals);
    }

    [Fact]
    public async Task Get_RetryAfterThenASilentBackend_RaisesBackendTimeoutAtTheTotalTimeout()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, call) =>
            call == 1 ? LoopbackBackend.Answer(c, HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1) : LoopbackBackend.Stall(c));
        using var channel = new ProbeChannel(backend.BaseUrl, r =>
        {
            r.AttemptTimeout = TimeSpan.FromSeconds(2);
            r.TotalTimeout = TimeSpan.FromSeconds(2);
        });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendTimeoutException>(() => channel.Http.GetAsync(Path("items")));

        // Waited Retry-After (1 s), then the retry stalled until the total timeout (2 s) ended the call.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        Assert.Equal(2, backend.Arrivals.Count);
    }

    [Fact]
    public async Task Post_RetryAfter_IsNotASecondSend()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, _) => LoopbackBackend.Answer(c, HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1));
        using var channel = new ProbeChannel(backend.BaseUrl);

        using var response = await channel.Http.PostAsync(Path("payments"), new StringContent("{}"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(backend.Arrivals);
    }
}
