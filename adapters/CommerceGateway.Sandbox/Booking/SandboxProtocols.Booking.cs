using CommerceGateway.Sandbox.Booking;

namespace CommerceGateway.Sandbox.Hosting;

/// <content>The OneBox-style booking protocol under <c>/booking</c>.</content>
internal static partial class SandboxProtocols
{
    static partial void AddBooking(IServiceCollection services)
    {
        services.AddSingleton<BookingSettings>();
        services.AddSingleton<BookingTokens>();
        services.AddSingleton<BookingStore>();
        services.AddHostedService<BookingExpirySweeper>();
    }

    static partial void MapBooking(RouteGroupBuilder group)
    {
        group.AddEndpointFilter<BookingErrorFilter>();
        BookingAuth.MapTokenEndpoint(group);
        BookingAdminEndpoints.Map(group);
        var api = group.MapGroup(string.Empty).RequireBearer();
        BookingCatalogEndpoints.Map(api);
        BookingCartEndpoints.Map(api);
        BookingOrderEndpoints.Map(api);
    }
}
