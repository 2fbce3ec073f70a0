namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// Sandbox-only switches (no auth, like the fault admin API): whether bookings are enabled for a
/// promoter and for a channel, under <c>/booking/_admin/</c>; and the state counts as the
/// expiry sweeper left them.
/// </summary>
internal static class BookingAdminEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        var admin = group.MapGroup("/_admin");
        admin.MapGet("/state", (BookingStore store) => TypedResults.Json(store.State()));
        admin.MapGet("/settings", (BookingSettings settings) => TypedResults.Json(settings.View()));
        admin.MapPut("/promoters/{promoterId:long}/bookings", (long promoterId, BookingEnablement body, BookingSettings settings) =>
        {
            settings.SetPromoter(promoterId, body.Enabled);
            return TypedResults.Json(settings.View());
        });
        admin.MapPut("/channels/{channelId}/bookings", (string channelId, BookingEnablement body, BookingSettings settings) =>
        {
            settings.SetChannel(channelId, body.Enabled);
            return TypedResults.Json(settings.View());
        });
    }
}
