using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>
/// One channel "shop" built by the SDK as a host would build it, with its real HTTP stack, calling
/// <c>{backend}/api/</c>; tests send through the HttpClient the SDK gave the channel's backend.
/// </summary>
internal sealed class ProbeChannel : IDisposable
{
    private readonly ServiceProvider _provider;

    public ProbeChannel(Uri backend, Action<ChannelResilienceSettings>? resilience = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCommerceAdapters(o =>
            {
                var channel = new ChannelOptions { Adapter = "probe", BaseUrl = new Uri(backend, "api").ToString() };
                channel.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                channel.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
                channel.Resilience.TotalTimeout = TimeSpan.FromSeconds(5);
                resilience?.Invoke(channel.Resilience);
                o.Channels["shop"] = channel;
            })
            .AddAdapter<ProbeBackend>("probe");
        _provider = services.BuildServiceProvider();
        Registry = _provider.GetRequiredService<IChannelRegistry>();
        Http = ((ProbeBackend)Registry.GetCommerceBackend("shop")).Http;
    }

    public IChannelRegistry Registry { get; }

    /// <summary>The channel's client: base address <c>{backend}/api/</c>, resilience pipeline applied.</summary>
    public HttpClient Http { get; }

    /// <summary>What <c>/readyz</c> reads for the channel.</summary>
    public BackendCircuitState CircuitState => Registry.GetCircuitState("shop");

    public static Uri Path(string relative) => new(relative, UriKind.Relative);

    public void Dispose() => _provider.Dispose();
}
