using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Livescale.Tests.Infrastructure;

/// <summary>A Livescale channel against the sandbox, built through the SDK's registration as the gateway builds it.</summary>
internal sealed class LivescaleTestBackend : IDisposable
{
    public const string ChannelName = "livescale-test";
    public const string UsClientId = "livescale-demo";
    public const string UsClientSecret = "livescale-demo-secret";
    public const string EuClientId = "livescale-demo-eu";
    public const string EuClientSecret = "livescale-demo-eu-secret";

    private readonly ServiceProvider _provider;

    public LivescaleTestBackend(SandboxServer sandbox, Action<ChannelOptions>? configure = null, LivescaleTraffic? traffic = null)
    {
        Traffic = traffic ?? new LivescaleTraffic();
        var options = new ChannelOptions { Adapter = "livescale", BaseUrl = sandbox.ProtocolUrl("livescale").ToString() };
        options.Credentials["ClientId"] = UsClientId;
        options.Credentials["ClientSecret"] = UsClientSecret;
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(4);
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(options);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommerceAdapters(o => o.Channels[ChannelName] = options)
            .AddLivescaleAdapter()
            .ConfigurePrimaryHandler(_ => Traffic.CreateHandler());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Backend = _provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend(ChannelName);
    }

    public CommerceBackend Backend { get; }

    public LivescaleTraffic Traffic { get; }

    public static CancellationToken Bounded => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    public void Dispose() => _provider.Dispose();
}
