using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>The query root: channels, catalogs, and the caller's own carts, orders and bookings.</summary>
internal static class CommerceQueries
{
    public static void Add(ObjectTypeBuilder query) => query
        .Description("Reads. Carts, orders and bookings are visible only to the client that created them.")
        .Field("channels", "[Channel!]!", f => f
            .Description("Every configured channel with its capabilities.")
            .ResolveCommerce(CommerceAccess.Catalog, call => Task.FromResult<object?>(call.Catalog.GetChannels())))
        .Field("channel", "Channel", f => f
            .Description("One channel by name, or null.")
            .Arg("name", "String!", "The channel's name.")
            .ResolveCommerce(CommerceAccess.Catalog, call => Task.FromResult<object?>(call.Catalog.GetChannel(call.Str("name")))))
        .Field("products", "ProductConnection!", f => f
            .Description("A page of a channel's products and their variants.")
            .CatalogPageArgs("Products")
            .ResolveCommerce(CommerceAccess.Catalog, async call =>
                Value(await call.Catalog.GetProductsAsync(call.Str("channel"), Page(call), call.Cancellation))))
        .Field("events", "EventConnection!", f => f
            .Description("A page of a booking channel's events with their sessions and rates.")
            .CatalogPageArgs("Events")
            .ResolveCommerce(CommerceAccess.Catalog, async call =>
                Value(await call.Catalog.GetEventsAsync(call.Str("channel"), Page(call), call.Cancellation))))
        .Field("seatMap", "SeatMap!", f => f
            .Description("The seat map of an event session, with each seat's availability.")
            .Arg("channel", "String!", "The channel.")
            .Arg("sessionId", "ID!", "The session.")
            .ResolveCommerce(CommerceAccess.Catalog, async call =>
                Value(await call.Catalog.GetSeatMapAsync(call.Str("channel"), call.Str("sessionId"), call.Cancellation))))
        .Field("cart", "Cart", f => f
            .Description("The caller's cart, brought up to date when its payment is processing; null when it does not exist for this client.")
            .Arg("id", "ID!", "The cart id.")
            .ResolveCommerce(CommerceAccess.Cart, async call => await call.Carts.GetCartAsync(call.Client, call.Str("id"), call.Cancellation)))
        .Field("order", "Order", f => f
            .Description("The caller's order, refreshed from its backend; null when it does not exist for this client.")
            .Arg("id", "ID!", "The order id.")
            .ResolveCommerce(CommerceAccess.Checkout, async call => await call.Orders.GetOrderAsync(call.Client, call.Str("id"), call.Cancellation)))
        .Field("booking", "Booking", f => f
            .Description("The caller's booking, refreshed from its backend; null when it does not exist for this client.")
            .Arg("id", "ID!", "The booking id.")
            .ResolveCommerce(CommerceAccess.Checkout, async call => await call.Bookings.GetBookingAsync(call.Client, call.Str("id"), call.Cancellation)))
        .Field("loyaltyAccount", "LoyaltyAccount", f => f
            .Description("A loyalty member's balance and the rewards usable at a store.")
            .Arg("memberId", "String!", "The member.")
            .Arg("store", "String!", "The store code.")
            .Arg("program", "String", "The loyalty channel; defaults to the only one configured.")
            .ResolveCommerce(CommerceAccess.Cart, async call =>
            {
                var program = call.OptStr("program") ?? DefaultProgram(call.Catalog);
                var result = await call.Loyalty.GetLoyaltyAccountAsync(program, call.Str("memberId"), call.Str("store"), call.Cancellation);
                return result.Succeeded ? result.Value : result.Errors[0].Code == CheckoutErrorCodes.NotFound ? null : throw CommerceFaults.ToError(result.Errors);
            }));

    private static CatalogQuery Page(CommerceCall call) =>
        new(call.Int("offset"), call.Int("first"), call.OptStr("categoryId"), call.OptStr("search"));

    private static object? Value<T>(CheckoutResult<T> result) =>
        result.Succeeded ? result.Value : throw CommerceFaults.ToError(result.Errors);

    // The program the channels earn in; with several, the caller names one.
    private static string DefaultProgram(CatalogService catalog) =>
        catalog.GetChannels().Select(c => c.LoyaltyChannel).OfType<string>().FirstOrDefault() ?? string.Empty;

    // The paging and filter arguments every catalog listing takes, read back by Page(call).
    private static FieldBuilder CatalogPageArgs(this FieldBuilder field, string items) => field
        .Arg("channel", "String!", "The channel.")
        .Arg("first", "Int!", "Page size, 1 to 100.", "20")
        .Arg("offset", "Int!", $"{items} to skip.", "0")
        .Arg("search", "String", "Free-text filter, when the backend supports it.")
        .Arg("categoryId", "String", "Restrict to a category, when the backend has categories.");
}
