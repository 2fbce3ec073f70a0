using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the checkout orchestration.</summary>
public static class CheckoutServiceCollectionExtensions
{
    /// <summary>
    /// Registers the checkout services (<see cref="CartService"/>, <see cref="CatalogService"/>,
    /// <see cref="PaymentService"/>, <see cref="OrderService"/>, <see cref="BookingService"/>,
    /// <see cref="LoyaltyService"/>) and the collaborators they share, with options from the <c>Checkout</c> section, and the hosted
    /// background follow-up that retries loyalty stages orders still owe. Needs the state store
    /// (<c>AddStateStore</c>) and the adapters (<c>AddCommerceAdapters</c>).
    /// </summary>
    public static IServiceCollection AddCheckout(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CheckoutOptions>()
            .Bind(configuration.GetSection(CheckoutOptions.SectionName))
            .Validate(o => o.CartLifetime > TimeSpan.Zero, "Checkout:CartLifetime must be positive.")
            .Validate(o => o.OrderLifetime > TimeSpan.Zero, "Checkout:OrderLifetime must be positive.")
            .Validate(o => o.IdempotencyLifetime >= o.PaymentClaimLifetime, "Checkout:IdempotencyLifetime must be at least Checkout:PaymentClaimLifetime.")
            .Validate(o => o.CartLockLifetime > TimeSpan.Zero, "Checkout:CartLockLifetime must be positive.")
            .Validate(o => o.CartLockWait >= TimeSpan.Zero, "Checkout:CartLockWait must not be negative.")
            .Validate(o => o.LoyaltyRetryInterval > TimeSpan.Zero, "Checkout:LoyaltyRetryInterval must be positive.")
            .Validate(o => o.LoyaltyRetryBackoff > TimeSpan.Zero, "Checkout:LoyaltyRetryBackoff must be positive.")
            .Validate(o => o.LoyaltyRetryMaxBackoff >= o.LoyaltyRetryBackoff, "Checkout:LoyaltyRetryMaxBackoff must be at least Checkout:LoyaltyRetryBackoff.")
            .Validate(o => o.LoyaltyRetryGiveUpAfter > TimeSpan.Zero && o.LoyaltyRetryGiveUpAfter <= o.OrderLifetime, "Checkout:LoyaltyRetryGiveUpAfter must be positive and at most Checkout:OrderLifetime.")
            .Validate(o => o.LoyaltyRetryReadTimeout > TimeSpan.Zero, "Checkout:LoyaltyRetryReadTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // What more than one service needs: the session documents, cart locks, the idempotent call, stored orders and bookings, loyalty stages.
        services.TryAddSingleton<SessionDocuments>();
        services.TryAddSingleton<CartLocks>();
        services.TryAddSingleton(sp => new IdempotentCall(sp.GetRequiredService<IIdempotencyStore>(), sp.GetRequiredService<IOptions<CheckoutOptions>>().Value));
        services.TryAddSingleton<CartSessions>();
        services.TryAddSingleton<OrderRecords>();
        services.TryAddSingleton<BookingRecords>();
        services.TryAddSingleton<LoyaltyDebts>();
        services.TryAddSingleton<LoyaltyStages>();
        services.TryAddSingleton<CartRewards>();
        services.TryAddSingleton<PaymentOutcomes>();
        services.TryAddSingleton<LoyaltyFollowUp>();

        // The services' constructors take those internal collaborators, so they are not public and DI gets a factory.
        services.TryAddSingleton<CatalogService>();
        services.TryAddSingleton(sp => new CartService(
            sp.GetRequiredService<IChannelRegistry>(), sp.GetRequiredService<SessionDocuments>(), sp.GetRequiredService<CartSessions>(),
            sp.GetRequiredService<CartRewards>(), sp.GetRequiredService<PaymentOutcomes>(), sp.GetRequiredService<IOptions<CheckoutOptions>>()));
        services.TryAddSingleton(sp => new PaymentService(
            sp.GetRequiredService<IChannelRegistry>(), sp.GetRequiredService<CartLocks>(), sp.GetRequiredService<CartSessions>(), sp.GetRequiredService<CartRewards>(),
            sp.GetRequiredService<PaymentOutcomes>(), sp.GetRequiredService<IdempotentCall>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PaymentService>>()));
        services.TryAddSingleton(sp => new OrderService(
            sp.GetRequiredService<IChannelRegistry>(), sp.GetRequiredService<CartLocks>(), sp.GetRequiredService<OrderRecords>(), sp.GetRequiredService<LoyaltyStages>(),
            sp.GetRequiredService<LoyaltyFollowUp>(), sp.GetRequiredService<IdempotentCall>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OrderService>>()));
        services.TryAddSingleton(sp => new BookingService(
            sp.GetRequiredService<IChannelRegistry>(), sp.GetRequiredService<SessionDocuments>(), sp.GetRequiredService<CartLocks>(), sp.GetRequiredService<CartSessions>(),
            sp.GetRequiredService<OrderRecords>(), sp.GetRequiredService<BookingRecords>(), sp.GetRequiredService<IOptions<CheckoutOptions>>()));
        services.TryAddSingleton(sp => new LoyaltyService(
            sp.GetRequiredService<IChannelRegistry>(), sp.GetRequiredService<CartSessions>(), sp.GetRequiredService<LoyaltyStages>()));
        // Every replica runs the follow-up; the order's lock keeps two of them from sending a stage at once.
        services.AddHostedService<LoyaltyFollowUpService>();
        return services;
    }
}
