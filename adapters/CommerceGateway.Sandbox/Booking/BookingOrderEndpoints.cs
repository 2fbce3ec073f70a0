using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.Booking;

/// <summary>The <c>order/*</c> calls: createOrder, commitOrder, purchaseBooking and details.</summary>
internal static class BookingOrderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var order = api.MapGroup("/order");
        order.MapPost("/createOrder", async (HttpContext http, BookingStore store) =>
        {
            var form = await BookingForm.ReadAsync(http.Request);
            var type = form.Required("orderType").ToUpperInvariant() switch
            {
                "PURCHASE" => BookingOrderType.Purchase,
                "BOOKING" => BookingOrderType.Booking,
                _ => throw BookingException.Invalid("INVALID_PARAMETER", "orderType: expected PURCHASE or BOOKING."),
            };
            return TypedResults.Json(BookingViews.Order(store.CreateOrder(form.Required("token"), http.Channel(), type)));
        });

        order.MapPost("/commitOrder", async (HttpContext http, BookingStore store) =>
        {
            var form = await BookingForm.ReadAsync(http.Request);
            var committed = store.CommitOrder(form.Required("orderCode"), http.Channel(), form.PaymentsTotal(), http.SandboxFault().Decline);
            return TypedResults.Json(store.ReadOrder(committed.Code, http.Channel(), BookingViews.Order));
        });

        order.MapPost("/purchaseBooking", async (HttpContext http, BookingStore store) =>
        {
            var form = await BookingForm.ReadAsync(http.Request);
            var purchase = store.PurchaseBooking(form.Required("orderCode"), http.Channel(), form.Ids("items"));
            return TypedResults.Json(store.ReadOrder(purchase.Code, http.Channel(), BookingViews.Order));
        });

        order.MapGet("/details", (HttpContext http, BookingStore store, string? orderCode) =>
            TypedResults.Json(store.ReadOrder(
                orderCode ?? throw BookingException.Invalid("INVALID_PARAMETER", "orderCode: is required."),
                http.Channel(),
                BookingViews.Order)));
    }
}
