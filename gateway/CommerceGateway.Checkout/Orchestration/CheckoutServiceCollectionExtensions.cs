using CommerceGateway.Checkout;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the checkout orchestration.</summary>
public static class CheckoutServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CheckoutService"/> with options from the <c>Checkout</c> section, and the hosted
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
        services.TryAddSingleton<CheckoutService>();
        // Every replica runs the follow-up; the order's lock keeps two of them from sending a stage at once.
        services.AddHostedService<LoyaltyFollowUpService>();
        return services;
    }
}
