using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>One replica's checkout services, as the gateway's front doors resolve them.</summary>
public sealed record CheckoutServices(CartService Carts, CatalogService Catalog, PaymentService Payments, OrderService Orders, BookingService Bookings, LoyaltyService Loyalty)
{
    public static CheckoutServices From(IServiceProvider services) => new(
        services.GetRequiredService<CartService>(),
        services.GetRequiredService<CatalogService>(),
        services.GetRequiredService<PaymentService>(),
        services.GetRequiredService<OrderService>(),
        services.GetRequiredService<BookingService>(),
        services.GetRequiredService<LoyaltyService>());
}
