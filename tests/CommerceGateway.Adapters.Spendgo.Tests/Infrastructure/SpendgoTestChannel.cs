using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;

/// <summary>A Spendgo loyalty channel against the sandbox, built through the SDK's registration as the gateway builds it.</summary>
internal sealed class SpendgoTestChannel : IDisposable
{
    public const string ChannelName = "spendgo-test";
    public const string ClientId = "spendgo-demo";
    public const string ClientSecret = "spendgo-demo-secret";
    public const string AccountId = "acct-demo";

    private readonly ServiceProvider _provider;

    public SpendgoTestChannel(SandboxServer sandbox, Action<ChannelOptions>? configure = null)
    {
        var options = new ChannelOptions { Adapter = "spendgo", BaseUrl = sandbox.ProtocolUrl("spendgo").ToString() };
        options.Credentials["ClientId"] = ClientId;
        options.Credentials["ClientSecret"] = ClientSecret;
        options.Credentials["AccountId"] = AccountId;
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(4);
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(options);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommerceAdapters(o => o.Channels[ChannelName] = options)
            .AddSpendgoAdapter()
            .ConfigurePrimaryHandler(_ => Traffic.CreateHandler());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Backend = _provider.GetRequiredService<IChannelRegistry>().GetLoyaltyBackend(ChannelName);
    }

    public LoyaltyBackend Backend { get; }

    public SpendgoTraffic Traffic { get; } = new();

    public static CancellationToken Bounded => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    public void Dispose() => _provider.Dispose();
}
