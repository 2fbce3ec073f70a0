using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>
/// Which faults say the request provably never reached the backend (nothing can have taken effect there)
/// and which leave it possible, attempts of one call taken together.
/// </summary>
public sealed class RequestNotSentTests
{
    private static (ProbeBackend Backend, ServiceProvider Provider) Build(ScriptedHandler? inner, Action<ChannelResilienceSettings>? resilience = null, string baseUrl = "http://backend.test/api")
    {
        var services = new ServiceCollection().AddLogging();
        var builder = services.AddCommerceAdapters(o =>
            {
                var channel = new ChannelOptions { Adapter = "probe", BaseUrl = baseUrl };
                channel.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                channel.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
                channel.Resilience.TotalTimeout = TimeSpan.FromSeconds(3);
                resilience?.Invoke(channel.Resilience);
                o.Channels["shop"] = channel;
            })
            .AddAdapter<ProbeBackend>("probe");
        if (inner is not null)
        {
            builder.ConfigurePrimaryHandler(_ => inner);
        }

        var provider = services.BuildServiceProvider();
        return ((ProbeBackend)provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend("shop"), provider);
    }

    private static ScriptedHandler Failing(Exception error) => new((_, _, _) => Task.FromException<HttpResponseMessage>(error));

    private static Task<BackendUnavailableException> PostFailsAsync(ProbeBackend backend) =>
        Assert.ThrowsAsync<BackendUnavailableException>(() => backend.Http.PostAsync(new Uri("orders", UriKind.Relative), new StringContent("{}")));

    [Fact]
    public async Task Post_ToAClosedPort_SaysTheRequestWasNeverSent()
    {
        // A real socket: a port that was just listened on and closed refuses the connection.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        // A loaded machine may be slow to refuse; the timeout is not what is tested here.
        var (backend, provider) = Build(null, r => (r.AttemptTimeout, r.TotalTimeout) = (TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)), $"http://127.0.0.1:{port}/");
        using var _ = provider;

        var error = await PostFailsAsync(backend);

        Assert.True(error.RequestNotSent);
        Assert.Equal(CommerceErrorCodes.BackendUnavailable, error.Code);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    public async Task Post_WhoseConnectionCannotBeOpened_SaysTheRequestWasNeverSent(HttpRequestError cause)
    {
        var (backend, provider) = Build(Failing(new HttpRequestException(cause, "no connection")));
        using var _ = provider;

        var error = await PostFailsAsync(backend);

        Assert.True(error.RequestNotSent);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    [InlineData(HttpRequestError.HttpProtocolError)]
    [InlineData(HttpRequestError.Unknown)]
    public async Task Post_FailingOnAnOpenConnection_MayHaveReachedTheBackend(HttpRequestError cause)
    {
        var (backend, provider) = Build(Failing(new HttpRequestException(cause, "broken")));
        using var _ = provider;

        var error = await PostFailsAsync(backend);

        Assert.False(error.RequestNotSent);
    }

    [Fact]
    public async Task Post_ResetMidResponse_MayHaveReachedTheBackend()
    {
        var reset = new HttpRequestException(HttpRequestError.Unknown, "reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));
        var (backend, provider) = Build(Failing(reset));
        using var _ = provider;

        var error = await PostFailsAsync(backend);

        Assert.False(error.RequestNotSent);
    }

    [Fact]
    public async Task Post_TimedOut_MayHaveReachedTheBackend()
    {
        var inner = new ScriptedHandler(async (_, _, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var (backend, provider) = Build(inner, r => r.MaxRetryAttempts = 0);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<BackendTimeoutException>(() => backend.Http.PostAsync(new Uri("orders", UriKind.Relative), null));

        Assert.False(error.RequestNotSent);
    }

    [Fact]
    public async Task Get_RefusedOnEveryRetry_SaysTheRequestWasNeverSent()
    {
        var inner = Failing(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        var (backend, provider) = Build(inner, r => r.MaxRetryAttempts = 2);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.Http.GetAsync(new Uri("items", UriKind.Relative)));

        Assert.Equal(3, inner.Calls);
        Assert.True(error.RequestNotSent);
    }

    [Fact]
    public async Task Get_RefusedOnlyAfterAnEarlierAttemptReachedTheBackend_MayHaveReachedIt()
    {
        var inner = new ScriptedHandler((_, call, _) => call == 1
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
            : Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        var (backend, provider) = Build(inner, r => r.MaxRetryAttempts = 2);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.Http.GetAsync(new Uri("items", UriKind.Relative)));

        Assert.Equal(3, inner.Calls);
        Assert.False(error.RequestNotSent);
    }

    [Fact]
    public async Task Get_WhoseRetryTheOpenCircuitRefused_MayHaveReachedTheBackend()
    {
        var inner = ScriptedHandler.Always(HttpStatusCode.InternalServerError);
        var (backend, provider) = Build(inner, r =>
        {
            r.MaxRetryAttempts = 1;
            r.CircuitBreakerMinimumThroughput = 2;
            r.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        using var _ = provider;
        using (var failed = await backend.Http.PostAsync(new Uri("orders", UriKind.Relative), null))
        {
        }

        // Its first attempt is answered 500 and opens the circuit, which then refuses the retry.
        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.Http.GetAsync(new Uri("items", UriKind.Relative)));

        Assert.Equal(2, inner.Calls);
        Assert.Equal(BackendCircuitState.Open, provider.GetRequiredService<IChannelRegistry>().GetCircuitState("shop"));
        Assert.False(error.RequestNotSent);
    }

    [Fact]
    public async Task Post_RefusedByTheOpenCircuit_SaysTheRequestWasNeverSent()
    {
        var inner = ScriptedHandler.Always(HttpStatusCode.InternalServerError);
        var (backend, provider) = Build(inner, r =>
        {
            r.MaxRetryAttempts = 0;
            r.CircuitBreakerMinimumThroughput = 2;
            r.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        using var _ = provider;
        for (var i = 0; i < 2; i++)
        {
            using var failed = await backend.Http.PostAsync(new Uri("orders", UriKind.Relative), null);
        }

        var error = await PostFailsAsync(backend);

        Assert.Equal(2, inner.Calls);
        Assert.True(error.RequestNotSent);
    }

    [Fact]
    public void BackendUnavailable_ThatAnswered_NeverSaysTheRequestWasNeverSent()
    {
        var answered = new BackendUnavailableException("shop", "503", statusCode: 503, requestNotSent: true);

        Assert.False(answered.RequestNotSent);
    }
}
