using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.GuestManager.Tests.Infrastructure;

/// <summary>A Guest Manager channel pointed at a running sandbox, built through the SDK's registration.</summary>
internal sealed class GuestManagerChannel : IDisposable
{
    public const string Name = "tickets";

    private readonly ServiceProvider _provider;

    private GuestManagerChannel(ServiceProvider provider)
    {
        _provider = provider;
        Backend = provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend(Name);
    }

    public CommerceBackend Backend { get; }

    public static CurrencyCode Usd { get; } = CurrencyCode.Parse("USD");

    public static Buyer Buyer { get; } = new("ada@example.test", "Ada", "Lovelace", "+15555550100");

    public static Address UsAddress { get; } = new("1 Main Street", "Springfield", "62701", "US", RegionCode: "IL", FirstName: "Ada", LastName: "Lovelace");

    public static GuestManagerChannel Create(SandboxServer sandbox, Action<ChannelOptions>? configure = null)
    {
        var options = new ChannelOptions { Adapter = "guestmanager", BaseUrl = sandbox.ProtocolUrl("guestmanager").ToString(), Currency = "USD" };
        options.Credentials["ApiKey"] = GuestManagerSandboxSettings.DefaultApiKey;
        configure?.Invoke(options);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommerceAdapters(o => o.Channels[Name] = options).AddGuestManagerAdapter();
        return new GuestManagerChannel(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>A new cart with <paramref name="lines"/> (variant id, quantity), and the buyer when given.</summary>
    public async Task<Cart> CartAsync(Buyer? buyer, params (string Variant, int Quantity)[] lines)
    {
        var cart = await Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), Usd, buyer), Bounded);
        return lines.Length == 0 ? cart : await Backend.AddLinesAsync(cart, [.. lines.Select(l => new CartLineInput(l.Variant, l.Quantity))], Bounded);
    }

    /// <summary>Names every attendee of the cart.</summary>
    public Task<Cart> NameEveryoneAsync(Cart cart) =>
        Backend.UpdateAttendeesAsync(cart, [.. cart.Lines.SelectMany(l => l.Attendees).Select((a, i) => a with { Name = $"Guest {i + 1}", Email = $"guest{i + 1}@example.test" })], Bounded);

    public static PaymentInstruction Token(Money amount, string token = "tok_visa") => new(amount, token, null, "stripe");

    public static CancellationToken Bounded => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public void Dispose() => _provider.Dispose();
}
