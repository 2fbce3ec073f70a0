using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>
/// The unified commerce schema: catalog, cart, checkout, bookings and loyalty over every channel,
/// resolved through the checkout services (<see cref="Checkout.CartService"/> and its siblings). Resolvers need
/// <see cref="CommerceCaller"/> (scoped, set by the host from the request's credential) and the checkout services
/// in the request's services.
/// </summary>
public static class CommerceSchema
{
    /// <summary>The schema's description.</summary>
    public const string Description =
        "One schema for catalog, cart, checkout, bookings and loyalty, whatever backend sells the item. " +
        "Business failures come back in each mutation's `userErrors`; GraphQL errors (with `extensions.code`) are for faults.";

    /// <summary>Builds the schema.</summary>
    public static Schema Create() => Builder().Build();

    /// <summary>The schema's builder, for hosts that add to it.</summary>
    public static SchemaBuilder Builder()
    {
        var builder = new SchemaBuilder().Description(Description)
            .Scalar(new DateTimeScalar())
            .Scalar(new DecimalScalar());
        CommonTypes.Add(builder);
        CatalogTypes.Add(builder);
        CartTypes.Add(builder);
        OrderTypes.Add(builder);
        BookingTypes.Add(builder);
        InputTypes.Add(builder);
        PayloadTypes.Add(builder);
        builder.Query(CommerceQueries.Add);
        builder.Mutation(m =>
        {
            m.Description("Changes. Each answers a payload with the changed object and `userErrors`.");
            CartMutations.Add(m);
            CheckoutMutations.Add(m);
            BookingMutations.Add(m);
            OrderMutations.Add(m);
        });
        return builder;
    }
}
