namespace CommerceGateway.Sandbox.Booking;

/// <summary>Catalog reads: <c>events/search</c>, <c>session/{id}/info</c> and <c>session/{id}/seatMap</c>.</summary>
internal static class BookingCatalogEndpoints
{
    private const int MaxLimit = 100;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/events/search", (BookingStore store, string? q, int? offset, int? limit) =>
        {
            if (offset is < 0 || limit is < 1 or > MaxLimit)
            {
                throw BookingException.Invalid("INVALID_PARAMETER", $"offset must be 0 or more and limit 1 to {MaxLimit}.");
            }

            return TypedResults.Json(store.SearchEvents(q, offset ?? 0, limit ?? 20));
        });

        api.MapGet("/session/{sessionId:long}/info", (BookingStore store, long sessionId) =>
            TypedResults.Json(store.SessionInfo(sessionId)));

        api.MapGet("/session/{sessionId:long}/seatMap", (BookingStore store, long sessionId) =>
            TypedResults.Json(store.SeatMap(sessionId)));
    }
}
