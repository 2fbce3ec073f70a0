using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Tests.Http;

public sealed class BackendHttpHandlerTests
{
    private static (ProbeBackend Backend, ServiceProvider Provider) Build(ScriptedHandler inner, Action<ChannelResilienceSettings>? resilience = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCommerceAdapters(o =>
            {
                var channel = new ChannelOptions { Adapter = "probe", BaseUrl = "http://backend.test/api" };
                channel.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                channel.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
                channel.Resilience.TotalTimeout = TimeSpan.FromSeconds(3);
                resilience?.Invoke(channel.Resilience);
                o.Channels["shop"] = channel;
            })
            .AddAdapter<ProbeBackend>("probe")
            .ConfigurePrimaryHandler(_ => inner);
        var provider = services.BuildServiceProvider();
        return ((ProbeBackend)provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend("shop"), provider);
    }

    [Fact]
    public async Task Get_TransientServerError_IsRetriedUntilItSucceeds()
    {
        var inner = new ScriptedHandler((_, call, _) => Task.FromResult(new HttpResponseMessage(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK)));
        var (backend, provider) = Build(inner);
        using var _ = provider;

        using var response = await backend.Http.GetAsync(new Uri("items", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Calls);
        Assert.Equal("http://backend.test/api/items", inner.Requests[0].RequestUri!.ToString());
    }

    [Fact]
    public async Task Post_ServerError_IsNeverRetried()
    {
        var inner = ScriptedHandler.Always(HttpStatusCode.InternalServerError);
        var (backend, provider) = Build(inner);
        using var _ = provider;

        using var response = await backend.Http.PostAsync(new Uri("orders", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Post_MarkedSafeToRetry_IsRetried()
    {
        var inner = new ScriptedHandler((_, call, _) => Task.FromResult(new HttpResponseMessage(call == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.OK)));
        var (backend, provider) = Build(inner);
        using var _ = provider;
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("baskets/1/customer", UriKind.Relative)).SafeToRetry();

        using var response = await backend.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Send_ConnectionRefused_RaisesBackendUnavailable()
    {
        var inner = new ScriptedHandler((_, _, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        var (backend, provider) = Build(inner);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.Http.PostAsync(new Uri("orders", UriKind.Relative), null));

        Assert.Equal("shop", error.Channel);
        Assert.Equal(CommerceErrorCodes.BackendUnavailable, error.Code);
    }

    [Fact]
    public async Task Send_SilentBackend_RaisesBackendTimeoutAfterTheAttemptTimeout()
    {
        var inner = new ScriptedHandler(async (_, _, cancellationToken) =>
        {
            // Like a socket waiting for bytes that never come: only cancellation ends it.
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var (backend, provider) = Build(inner, r => r.MaxRetryAttempts = 0);
        using var _ = provider;
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendTimeoutException>(() => backend.Http.PostAsync(new Uri("orders", UriKind.Relative), null));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
    }

    [Fact]
    public async Task Send_RepeatedFailures_OpenTheCircuitAndStopCallingTheBackend()
    {
        var inner = ScriptedHandler.Always(HttpStatusCode.InternalServerError);
        var (backend, provider) = Build(inner, r =>
        {
            r.MaxRetryAttempts = 0;
            r.CircuitBreakerMinimumThroughput = 4;
            r.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        using var _ = provider;
        for (var i = 0; i < 4; i++)
        {
            using var failed = await backend.Http.PostAsync(new Uri("orders", UriKind.Relative), null);
        }

        await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.Http.PostAsync(new Uri("orders", UriKind.Relative), null));

        Assert.Equal(4, inner.Calls);
        Assert.Equal(BackendCircuitState.Open, provider.GetRequiredService<IChannelRegistry>().GetCircuitState("shop"));
    }

    [Fact]
    public async Task Send_CallerCancels_IsACancellationNotABackendFault()
    {
        var inner = new ScriptedHandler(async (_, _, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var (backend, provider) = Build(inner, r =>
        {
            r.AttemptTimeout = TimeSpan.FromSeconds(20);
            r.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        using var _ = provider;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.Http.GetAsync(new Uri("items", UriKind.Relative), cancel.Token));
    }

    [Fact]
    public async Task Send_InsideAnActivity_CarriesTheTraceIdAsCorrelationId()
    {
        var inner = ScriptedHandler.Always(HttpStatusCode.OK);
        var (backend, provider) = Build(inner);
        using var _ = provider;
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var response = await backend.Http.GetAsync(new Uri("items", UriKind.Relative));

        Assert.Equal(activity.TraceId.ToHexString(), Assert.Single(inner.Requests[0].Headers.GetValues("X-Correlation-Id")));
    }
}
