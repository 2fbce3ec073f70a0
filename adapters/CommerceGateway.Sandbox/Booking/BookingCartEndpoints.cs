using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.Booking;

/// <summary>The <c>shoppingCart/*</c> calls; each change answers the ShoppingCart and restarts its 10-minute lock.</summary>
internal static class BookingCartEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cart = api.MapGroup("/shoppingCart");
        cart.MapPost("/create", (HttpContext http, BookingStore store) =>
            TypedResults.Json(BookingViews.Cart(store.CreateCart(http.Channel()))));

        cart.MapPost("/addSeats", (HttpContext http, BookingStore store) => Change(http, store, (form, c) =>
            store.AddSeats(c, form.Id("idSession"), form.Ids("seats"), form.OptionalId("idRate"), http.SandboxFault().SoldOut)));

        cart.MapPost("/addBestSeats", (HttpContext http, BookingStore store) => Change(http, store, (form, c) =>
            store.AddBestSeats(c, form.Id("idSession"), form.Int("numSeats"), form.OptionalId("idRate"), http.SandboxFault().SoldOut)));

        cart.MapPost("/releaseItems", (HttpContext http, BookingStore store) => Change(http, store, (form, c) =>
            BookingStore.ReleaseItems(c, form.Ids("items"))));

        cart.MapPost("/releaseAllItems", (HttpContext http, BookingStore store) => Change(http, store, (_, c) =>
            BookingStore.ReleaseAllItems(c)));

        cart.MapPost("/clientData", (HttpContext http, BookingStore store) => Change(http, store, (form, c) =>
        {
            var email = form.Required("email");
            if (!email.Contains('@', StringComparison.Ordinal))
            {
                throw BookingException.Invalid("INVALID_PARAMETER", "email: is not an email address.");
            }

            c.ClientData = new BookingClientData(
                form.Optional("firstName"),
                form.Optional("lastName"),
                email,
                form.Optional("telephone"),
                form.Optional("address"),
                form.Optional("city"),
                form.Optional("postalCode"));
        }));

        cart.MapPost("/delivery", (HttpContext http, BookingStore store) => Change(http, store, (form, c) =>
        {
            var cost = form.Optional("orderDeliveryCost") is { } text ? BookingForm.Amount("orderDeliveryCost", text) : 0m;
            c.Delivery = new BookingDelivery(form.Required("type").ToUpperInvariant(), cost);
        }));

        cart.MapGet("/details", (HttpContext http, BookingStore store, string? token) =>
            TypedResults.Json(store.ReadCart(
                token ?? throw BookingException.Invalid("INVALID_PARAMETER", "token: is required."),
                http.Channel(),
                BookingViews.Cart)));
    }

    private static async Task<IResult> Change(HttpContext http, BookingStore store, Action<BookingForm, BookingCart> change)
    {
        var form = await BookingForm.ReadAsync(http.Request);
        return TypedResults.Json(store.ChangeCart(form.Required("token"), http.Channel(), c => change(form, c), BookingViews.Cart));
    }
}
