using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Example.Tests;

/// <summary>The test channel: the example adapter with the sandbox shop's API key, built through the SDK as the gateway builds it.</summary>
internal static class ExampleTestChannel
{
    public const string Name = "shop";

    /// <summary>The key the ExampleShop sandbox accepts (its README documents it).</summary>
    public const string SandboxApiKey = "example-api-key";

    public static ChannelOptions Options(string apiKey = SandboxApiKey)
    {
        var options = new ChannelOptions { Adapter = ExampleShopBackend.Kind, Currency = "EUR" };
        options.Credentials[ExampleShopBackend.ApiKeyCredential] = apiKey;
        return options;
    }

    /// <summary>A provider holding one channel named <see cref="Name"/>; dispose it after the test.</summary>
    public static ServiceProvider Build(Uri baseUrl, ChannelOptions? options = null, Action<ICommerceAdapterBuilder>? configure = null)
    {
        options ??= Options();
        options.BaseUrl = baseUrl.ToString();

        // A short retry delay keeps the retry test fast; the timeouts keep their defaults, since a
        // cold sandbox on a busy machine can take a few seconds to answer its first call.
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);

        var services = new ServiceCollection();
        services.AddLogging();
        var adapters = services.AddCommerceAdapters(o => o.Channels[Name] = options).AddExampleAdapter();
        configure?.Invoke(adapters);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static CommerceBackend Backend(this ServiceProvider services) =>
        services.GetRequiredService<IChannelRegistry>().GetCommerceBackend(Name);
}
