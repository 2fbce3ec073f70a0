using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Adapters.Conformance;

/// <summary>
/// The contract every commerce adapter must honour, run against its real backend (the sandbox)
/// over HTTP. Each adapter's test project derives from it once. Backends are built through the
/// SDK's own registration, exactly as the gateway builds them.
/// </summary>
public abstract partial class CommerceBackendConformanceTests : IDisposable
{
    /// <summary>The name the suite gives its channel.</summary>
    protected const string ChannelName = "conformance";

    private static readonly TimeSpan PaymentPollBound = TimeSpan.FromSeconds(15);
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>Registers the adapter under test, e.g. <c>adapters.AddLivescaleAdapter()</c>.</summary>
    protected abstract void RegisterAdapter(ICommerceAdapterBuilder adapters);

    /// <summary>The channel's configuration (adapter kind, credentials, settings); the suite sets BaseUrl.</summary>
    protected abstract ChannelOptions CreateChannelOptions();

    /// <summary>Where the backend under test listens.</summary>
    protected abstract Uri BackendUrl { get; }

    /// <summary>The currency carts are created in.</summary>
    protected abstract CurrencyCode Currency { get; }

    /// <summary>A line that can be bought; asked for anew in every test, so it may pick fresh seats.</summary>
    protected abstract CartLineInput PurchasableLine { get; }

    /// <summary>A payment the backend approves.</summary>
    protected abstract PaymentInstruction ApprovedPayment(Money amount);

    /// <summary>A payment the backend declines. Arrange the decline for one payment only: the suite pays again afterwards.</summary>
    protected abstract Task<PaymentInstruction> DeclinedPaymentAsync(Money amount);

    /// <summary>Extra services the adapter needs (e.g. an ISeatHoldStore).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The buyer the suite checks out as.</summary>
    protected virtual Buyer Buyer => new("conformance.buyer@example.test", "Ada", "Lovelace", "+15555550100");

    /// <summary>The address the suite ships to and bills.</summary>
    protected virtual Address Address => new("1 Main Street", "Springfield", "62701", "US", RegionCode: "IL", FirstName: "Ada", LastName: "Lovelace", Phone: "+15555550100");

    /// <summary>Bounds every backend call of the suite, so a hang fails the test instead of the run.</summary>
    protected static CancellationToken Bounded => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>
    /// Gives a checkout step what it needs. The default covers the common steps; override for
    /// steps that need backend-specific data (forms, confirmation).
    /// </summary>
    protected virtual async Task<Cart> SatisfyStepAsync(CommerceBackend backend, Cart cart, CheckoutStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Kind)
        {
            case CheckoutStepKind.Email:
                return await backend.UpdateBuyerAsync(cart, Buyer, cancellationToken);
            case CheckoutStepKind.Address:
                return await backend.UpdateAddressesAsync(cart, Address, Address, cancellationToken);
            case CheckoutStepKind.Delivery:
                var options = await backend.GetShippingOptionsAsync(cart, cancellationToken);
                Assert.NotEmpty(options);
                return await backend.SelectShippingOptionAsync(cart, options[0].Id, cancellationToken);
            case CheckoutStepKind.Tickets:
                var attendees = cart.Lines.SelectMany(l => l.Attendees)
                    .Select((a, i) => a with { Name = $"Attendee {i + 1}", Email = $"attendee{i + 1}@example.test" })
                    .ToList();
                return await backend.UpdateAttendeesAsync(cart, attendees, cancellationToken);
            default:
                throw new InvalidOperationException($"The conformance suite cannot satisfy the {step.Kind} step; override SatisfyStepAsync.");
        }
    }

    /// <summary>A backend for the suite's channel, built through the SDK's registration.</summary>
    protected CommerceBackend CreateBackend(Uri? baseUrl = null, Action<ChannelResilienceSettings>? resilience = null)
    {
        var options = CreateChannelOptions();
        options.BaseUrl = (baseUrl ?? BackendUrl).ToString();
        resilience?.Invoke(options.Resilience);

        var services = new ServiceCollection();
        services.AddLogging();
        ConfigureServices(services);
        RegisterAdapter(services.AddCommerceAdapters(o => o.Channels[ChannelName] = options));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _providers.Add(provider);
        return provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend(ChannelName);
    }

    /// <summary>A new cart with one purchasable line and the buyer set.</summary>
    protected async Task<Cart> CartWithLineAsync(CommerceBackend backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var cart = await backend.CreateCartAsync(new CartCreation(NewCartId(), Currency), cancellationToken);
        cart = await backend.AddLinesAsync(cart, [PurchasableLine], cancellationToken);
        return await backend.UpdateBuyerAsync(cart, Buyer, cancellationToken);
    }

    /// <summary>Begins checkout and satisfies every step before payment.</summary>
    protected async Task<Cart> ReadyForPaymentAsync(CommerceBackend backend, Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        cart = await backend.BeginCheckoutAsync(cart, cancellationToken);
        for (var guard = 0; guard < 12; guard++)
        {
            var next = cart.Checkout.NextIncomplete;
            if (next is null || next.Kind is CheckoutStepKind.Payment or CheckoutStepKind.Processing or CheckoutStepKind.Complete)
            {
                return cart;
            }

            cart = await SatisfyStepAsync(backend, cart, next, cancellationToken);
        }

        throw new InvalidOperationException($"Checkout did not reach payment; stuck at {cart.Checkout.NextIncomplete?.Kind}.");
    }

    /// <summary>Submits a payment and polls while the backend processes it.</summary>
    protected static async Task<PaymentOutcome> PayAsync(CommerceBackend backend, Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var outcome = await backend.SubmitPaymentAsync(cart, payment, cancellationToken);
        var deadline = DateTimeOffset.UtcNow + PaymentPollBound;
        while (outcome.Status == PaymentStatus.Processing && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(outcome.PollAfter ?? TimeSpan.FromMilliseconds(200), cancellationToken);
            outcome = await backend.GetPaymentStatusAsync(outcome.Cart, cancellationToken);
        }

        return outcome;
    }

    /// <summary>A fresh cart id.</summary>
    protected static string NewCartId() => "cart_" + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
