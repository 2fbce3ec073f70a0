using System.Net;
using static CommerceGateway.Adapters.Tests.Http.ProbeChannel;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>Which calls the channel sends again, over real HTTP to a Kestrel backend on loopback.</summary>
public sealed class BackendRetryTests
{
    [Fact]
    public async Task Get_TransientServerErrors_AreRetriedWithBackoffUntilItSucceeds()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, call) =>
            LoopbackBackend.Answer(c, call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
        using var channel = new ProbeChannel(backend.BaseUrl, r => r.RetryBaseDelay = TimeSpan.FromMilliseconds(100));

        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var arrivals = backend.Arrivals;
        Assert.Equal(3, arrivals.Count);
        Assert.All(arrivals, a => Assert.Equal("/api/items", a.Path));
        // The jittered exponential backoff's first two delays add up to at least 1.37 times the base delay.
        var waited = arrivals[2].At - arrivals[0].At;
        Assert.InRange(waited, TimeSpan.FromMilliseconds(130), TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Post_TransientAnswer_IsSentOnceAndReturnedToTheAdapter(HttpStatusCode status)
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(status);
        using var channel = new ProbeChannel(backend.BaseUrl);

        using var response = await channel.Http.PostAsync(Path("orders"), new StringContent("{}"));

        Assert.Equal(status, response.StatusCode);
        Assert.Single(backend.Arrivals);
    }

    [Fact]
    public async Task Get_MarkedUnsafe_IsSentOnce()
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(HttpStatusCode.BadGateway);
        using var channel = new ProbeChannel(backend.BaseUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("orders/next-number")).SafeToRetry(false);

        using var response = await channel.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(backend.Arrivals);
    }

    [Fact]
    public async Task Put_MarkedSafeToRetry_IsRetried()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, call) =>
            LoopbackBackend.Answer(c, call == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.OK));
        using var channel = new ProbeChannel(backend.BaseUrl);
        using var request = new HttpRequestMessage(HttpMethod.Put, Path("baskets/1/customer")) { Content = new StringContent("{}") }.SafeToRetry();

        using var response = await channel.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["PUT", "PUT"], backend.Arrivals.Select(a => a.Method));
    }

    [Fact]
    public async Task Get_RetriesExhausted_ReturnsTheLastAnswer()
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(HttpStatusCode.ServiceUnavailable);
        using var channel = new ProbeChannel(backend.BaseUrl, r => r.MaxRetryAttempts = 2);

        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, backend.Arrivals.Count);
    }

    [Fact]
    public async Task Get_NoRetriesConfigured_IsSentOnce()
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(HttpStatusCode.ServiceUnavailable);
        using var channel = new ProbeChannel(backend.BaseUrl, r => r.MaxRetryAttempts = 0);

        using var response = await channel.Http.GetAsync(Path("items"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(backend.Arrivals);
    }

    [Fact]
    public async Task Get_ClientError_IsNotRetried()
    {
        await using var backend = await LoopbackBackend.AlwaysAsync(HttpStatusCode.NotFound);
        using var channel = new ProbeChannel(backend.BaseUrl);

        using var response = await channel.Http.GetAsync(Path("items/missing"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(backend.Arrivals);
    }
}
