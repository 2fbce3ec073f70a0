using CommerceGateway.Adapters.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.OneBox.Tests.Infrastructure;

/// <summary>
/// One gateway replica's view of the booking channel: the adapter built through the SDK's
/// registration against the sandbox, with the gateway's in-memory seat-hold store. Replicas made
/// with <see cref="Replica"/> share the store, as replicas share Redis.
/// </summary>
internal sealed class BookingGateway : IDisposable
{
    public const string ChannelName = "tickets";

    private readonly ServiceProvider _provider;

    private BookingGateway(ServiceProvider provider, ISeatHoldStore store, TimeProvider time, SandboxFaultHandler faults)
    {
        _provider = provider;
        Store = store;
        Time = time;
        Faults = faults;
        Backend = provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend(ChannelName);
    }

    public CommerceBackend Backend { get; }

    public ISeatHoldStore Store { get; }

    public TimeProvider Time { get; }

    public SandboxFaultHandler Faults { get; }

    /// <summary>A gateway on <paramref name="time"/> (the sandbox's clock when it is faked) with a fresh in-memory store.</summary>
    public static BookingGateway Start(SandboxServer sandbox, TimeProvider? time = null, string clientId = "gateway", string clientSecret = "gateway-secret")
    {
        time ??= sandbox.Time;
        var store = new ServiceCollection()
            .AddSingleton(time)
            .AddStateStore(new ConfigurationBuilder().Build())
            .BuildServiceProvider()
            .GetRequiredService<ISeatHoldStore>();
        return Create(sandbox, store, time, clientId, clientSecret);
    }

    /// <summary>Another replica sharing this one's store and clock.</summary>
    public BookingGateway Replica(SandboxServer sandbox) => Create(sandbox, Store, Time, "gateway", "gateway-secret");

    /// <summary>The store's key of a seat: <c>{channel}:{session}:{seat}</c>.</summary>
    public static string SeatKey(string sessionId, string seatId) => $"{ChannelName}:{sessionId}:{seatId}";

    public Task<Cart> NewCartAsync() =>
        Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Parse("EUR")), CancellationToken.None);

    public void Dispose() => _provider.Dispose();

    private static BookingGateway Create(SandboxServer sandbox, ISeatHoldStore store, TimeProvider time, string clientId, string clientSecret)
    {
        var faults = new SandboxFaultHandler();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(store);
        services.AddCommerceAdapters(o =>
            {
                var channel = new ChannelOptions { Adapter = "booking", BaseUrl = sandbox.ProtocolUrl("booking").ToString(), Currency = "EUR" };
                channel.Credentials["ClientId"] = clientId;
                channel.Credentials["ClientSecret"] = clientSecret;
                o.Channels[ChannelName] = channel;
            })
            .AddBookingAdapter()
            .ConfigurePrimaryHandler(_ => faults);
        return new BookingGateway(services.BuildServiceProvider(), store, time, faults);
    }
}
