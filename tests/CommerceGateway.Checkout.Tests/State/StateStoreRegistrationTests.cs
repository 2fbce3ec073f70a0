using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary><c>AddStateStore</c>: which store it picks, its defaults, its validation and its lifetime.</summary>
public sealed class StateStoreRegistrationTests(RedisServer server) : IClassFixture<RedisServer>
{
    private static readonly Dictionary<string, string?> NoSettings = [];

    [Fact]
    public void AddStateStore_NoRedisConnectionString_RegistersInMemoryStores()
    {
        using var services = StoreHost.Build(NoSettings, timeProvider: null, configure: null);

        Assert.All(StoreTypes(services), type => Assert.StartsWith("InMemory", type.Name, StringComparison.Ordinal));
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task AddStateStore_RedisConnectionString_RegistersRedisStores()
    {
        await using var services = StoreHost.Redis(server);

        Assert.All(StoreTypes(services), type => Assert.StartsWith("Redis", type.Name, StringComparison.Ordinal));
        Assert.Same(services.GetRequiredService<ISeatHoldStore>(), services.GetRequiredService<ISeatHoldStore>());
        Assert.True((await services.GetRequiredService<ISeatHoldStore>().AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1))).Acquired);
    }

    [Fact]
    public void AddStateStore_RegisteredTimeProvider_IsKept()
    {
        var time = new FakeTimeProvider();
        using var services = StoreHost.Build(NoSettings, time, configure: null);

        Assert.Same(time, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddStateStore_CalledTwice_RegistersEachStoreOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();

        services.AddStateStore(configuration).AddStateStore(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(ISeatHoldStore));
        Assert.Single(services, d => d.ServiceType == typeof(ISessionStore));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void StateStoreOptions_Defaults_ArePinned()
    {
        using var services = StoreHost.Build(NoSettings, timeProvider: null, configure: null);

        var options = services.GetRequiredService<IOptions<StateStoreOptions>>().Value;

        Assert.Equal("cg:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(2), options.OperationTimeout);
        Assert.Null(options.ReplicaAcknowledgements);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ReplicaAcknowledgementTimeout);
    }

    [Theory]
    [InlineData(-1, 250, "StateStore:ReplicaAcknowledgements must be between 0 and 5, or unset for the default; got -1.")]
    [InlineData(6, 250, "StateStore:ReplicaAcknowledgements must be between 0 and 5, or unset for the default; got 6.")]
    [InlineData(1, 0, "StateStore:ReplicaAcknowledgementTimeout must be positive; got 00:00:00.")]
    public void StateStoreOptions_InvalidReplicaAcknowledgements_FailWithMessageNamingTheKey(int replicas, int timeoutMs, string message)
    {
        using var services = StoreHost.Build(
            NoSettings,
            timeProvider: null,
            options =>
            {
                options.ReplicaAcknowledgements = replicas;
                options.ReplicaAcknowledgementTimeout = TimeSpan.FromMilliseconds(timeoutMs);
            });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StateStoreOptions>>().Value);

        Assert.Equal([message], failure.Failures);
    }

    [Fact]
    public void StateStoreOptions_FromConfiguration_AreBound()
    {
        using var services = StoreHost.Build(
            new Dictionary<string, string?> { ["StateStore:KeyPrefix"] = "shop7:", ["StateStore:OperationTimeout"] = "00:00:00.750" },
            timeProvider: null,
            configure: null);

        var options = services.GetRequiredService<IOptions<StateStoreOptions>>().Value;

        Assert.Equal("shop7:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromMilliseconds(750), options.OperationTimeout);
    }

    [Theory]
    [InlineData("", "00:00:02", "StateStore:KeyPrefix must not be empty; use a short namespace such as \"cg:\".")]
    [InlineData("has space:", "00:00:02", "StateStore:KeyPrefix must be at most 64 characters without whitespace; got \"has space:\".")]
    [InlineData("{cg}:", "00:00:02", "StateStore:KeyPrefix must not contain '{' or '}' (the store places its own Redis Cluster hash tags); got \"{cg}:\".")]
    [InlineData("cg:", "00:00:00", "StateStore:OperationTimeout must be between 00:00:00.010 and 00:01:00; got 00:00:00.")]
    [InlineData("cg:", "00:05:00", "StateStore:OperationTimeout must be between 00:00:00.010 and 00:01:00; got 00:05:00.")]
    public void StateStoreOptions_Invalid_FailWithMessageNamingTheKey(string prefix, string timeout, string message)
    {
        using var services = StoreHost.Build(
            NoSettings,
            timeProvider: null,
            options =>
            {
                options.KeyPrefix = prefix;
                options.OperationTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
            });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StateStoreOptions>>().Value);

        Assert.Equal([message], failure.Failures);
    }

    [Theory]
    [InlineData(",abortConnect=false", "ConnectionStrings:Redis names no endpoint.")]
    [InlineData("127.0.0.1:6379,abortConnect=maybe", "ConnectionStrings:Redis is not a valid StackExchange.Redis connection string")]
    public void AddStateStore_MalformedRedisConnectionString_RefusesToRegister(string connectionString, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = connectionString })
            .Build();

        var failure = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddStateStore(configuration));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStateStore_ContainerDisposed_ClosesTheRedisConnection()
    {
        var services = StoreHost.Redis(server);
        var seats = services.GetRequiredService<ISeatHoldStore>();
        Assert.True((await seats.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1))).Acquired);

        await services.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => seats.GetSeatAsync("A1"));
    }

    [Fact]
    public async Task AddStateStore_HostStarts_ConnectsToRedisBeforeTheFirstCall()
    {
        using var redis = new RedisServer();
        await redis.StartAsync();
        await using var services = StoreHost.Redis(redis);

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        // Our own INFO connection is one client; the multiplexer adds its interactive and subscription connections.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ConnectedClients(await redis.CommandAsync("INFO", "clients")) < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "The multiplexer did not connect when the host started.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task AddStateStore_HostStartsWhileRedisIsDown_StartsAndWorksOnceRedisIsUp()
    {
        using var redis = new RedisServer();
        await using var services = StoreHost.Redis(redis);

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        await redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                Assert.True((await services.GetRequiredService<ISeatHoldStore>().AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1))).Acquired);
                return;
            }
            catch (StateStoreUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int ConnectedClients(string info)
    {
        var line = info.Split('\n').Single(l => l.StartsWith("connected_clients:", StringComparison.Ordinal));
        return int.Parse(line["connected_clients:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Type[] StoreTypes(IServiceProvider services) =>
    [
        services.GetRequiredService<ISessionStore>().GetType(),
        services.GetRequiredService<ISeatHoldStore>().GetType(),
        services.GetRequiredService<IIdempotencyStore>().GetType(),
        services.GetRequiredService<IRevokedTokenStore>().GetType(),
        services.GetRequiredService<IUsedTokenIdStore>().GetType(),
    ];
}
