using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.GuestManager.Tests.Infrastructure;

/// <summary>A Guest Manager channel pointed at a running sandbox, built through the SDK's registration.</summary>
internal sealed class GuestManagerChannel : IDisposable
{
    public const string Name = "tickets";

    private readonly ServiceProvider _provider;

    private GuestManagerChannel(ServiceProvider provider, CapturedLogs logs)
    {
        _provider = provider;
        Logs = logs;
        Backend = provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend(Name);
    }

    public CommerceBackend Backend { get; }

    /// <summary>Everything the channel logged.</summary>
    public CapturedLogs Logs { get; }

    public static CurrencyCode Usd { get; } = CurrencyCode.Parse("USD");

    public static Buyer Guest { get; } = new("ada@example.test", "Ada", "Lovelace", "+15555550100");

    public static Address UsAddress { get; } = new("1 Main Street", "Springfield", "62701", "US", RegionCode: "IL", FirstName: "Ada", LastName: "Lovelace");

    /// <summary>
    /// A channel on <paramref name="sandbox"/>. Polling starts at 20 ms and backs off to 160 ms by
    /// default, so tests settle quickly; <paramref name="configure"/> can change any setting.
    /// </summary>
    public static GuestManagerChannel Create(SandboxServer sandbox, Action<ChannelOptions>? configure = null)
    {
        var options = new ChannelOptions { Adapter = "guestmanager", BaseUrl = sandbox.ProtocolUrl("guestmanager").ToString(), Currency = "USD" };
        options.Credentials["ApiKey"] = GuestManagerSandboxSettings.DefaultApiKey;
        options.Settings["PaymentPollInitialDelay"] = "00:00:00.020";
        options.Settings["PaymentPollMaxDelay"] = "00:00:00.160";
        options.Settings["PaymentPollWindow"] = "00:00:03";
        configure?.Invoke(options);
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddCommerceAdapters(o => o.Channels[Name] = options).AddGuestManagerAdapter();
        return new GuestManagerChannel(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), logs);
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

    /// <summary>A cart of <paramref name="lines"/> with the buyer, checkout begun and attendees named: at the address step.</summary>
    public async Task<Cart> AtAddressAsync(params (string Variant, int Quantity)[] lines)
    {
        var cart = await Backend.BeginCheckoutAsync(await CartAsync(Guest, lines), Bounded);
        if (cart.Checkout.Current == CheckoutStepKind.Tickets)
        {
            cart = await NameEveryoneAsync(cart);
        }

        Assert.Equal(CheckoutStepKind.Address, cart.Checkout.Current);
        return cart;
    }

    /// <summary>A cart of <paramref name="lines"/> (tickets, not shippable) with every step before payment done.</summary>
    public async Task<Cart> AtPaymentAsync(params (string Variant, int Quantity)[] lines)
    {
        var cart = await Backend.UpdateAddressesAsync(await AtAddressAsync(lines), null, UsAddress, Bounded);
        Assert.Equal(CheckoutStepKind.Payment, cart.Checkout.Current);
        return cart;
    }

    public static PaymentInstruction Token(Money amount, string token = "tok_visa") => new(amount, token, null, "stripe");

    public static CancellationToken Bounded => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public void Dispose() => _provider.Dispose();
}
