using CommerceGateway.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>An OrderFlow backend built through the SDK's registration, as the gateway builds it.</summary>
internal sealed class OrderFlowTestBackend : IDisposable
{
    public const string ChannelName = "orderflow-test";

    private readonly ServiceProvider _provider;

    private OrderFlowTestBackend(ServiceProvider provider) => _provider = provider;

    /// <summary>The channel's backend, created on first use as the gateway creates it.</summary>
    public CommerceBackend Backend => _provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend(ChannelName);

    /// <summary>The sandbox's seeded products, as a channel's price list.</summary>
    public static ChannelOptions Options(Uri? baseUrl = null)
    {
        var options = new ChannelOptions { Adapter = "orderflow", Currency = "USD", BaseUrl = baseUrl?.ToString() };
        options.Settings["Price.1234"] = "50.00";
        options.Settings["Price.2345"] = "100.00";
        options.Settings["Price.3456"] = "19.99";
        options.Settings["Price.4567"] = "75.00";
        options.Settings["Price.5678"] = "25.00";
        // Generous bounds: the first request to a fresh sandbox on a busy machine is slow. Fault tests set their own.
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(20);
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    public static OrderFlowTestBackend Create(Uri baseUrl, Func<HttpMessageHandler>? primaryHandler = null, Action<ChannelOptions>? configure = null)
    {
        var options = Options(baseUrl);
        configure?.Invoke(options);
        var services = new ServiceCollection();
        services.AddLogging();
        var adapters = services.AddCommerceAdapters(o => o.Channels[ChannelName] = options).AddOrderFlowAdapter();
        if (primaryHandler is not null)
        {
            adapters.ConfigurePrimaryHandler(_ => primaryHandler());
        }

        return new OrderFlowTestBackend(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public void Dispose() => _provider.Dispose();
}
