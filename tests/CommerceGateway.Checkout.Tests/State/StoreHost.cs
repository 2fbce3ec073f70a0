using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>Containers wired with <c>AddStateStore</c> exactly as the gateway does, for one test each.</summary>
internal static class StoreHost
{
    /// <summary>The in-memory stores, on the given clock.</summary>
    public static ServiceProvider InMemory(TimeProvider timeProvider) =>
        Build(new Dictionary<string, string?>(), timeProvider, configure: null);

    /// <summary>
    /// The Redis stores on <paramref name="server"/>, under a key prefix of their own so tests never
    /// share keys (<paramref name="keyPrefix"/>, or a new one).
    /// </summary>
    public static ServiceProvider Redis(RedisServer server, TimeSpan? operationTimeout = null, string? keyPrefix = null) =>
        Redis(server.ConnectionString, operationTimeout, keyPrefix);

    /// <summary>The Redis stores on any topology (a cluster's or Sentinel's connection string), under a key prefix of their own.</summary>
    public static ServiceProvider Redis(string connectionString, TimeSpan? operationTimeout = null, string? keyPrefix = null) =>
        Build(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = connectionString },
            timeProvider: null,
            options =>
            {
                options.KeyPrefix = keyPrefix ?? $"t{Guid.NewGuid():N}:";
                options.OperationTimeout = operationTimeout ?? options.OperationTimeout;
            });

    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider? timeProvider, Action<StateStoreOptions>? configure, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddStateStore(configuration, configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
