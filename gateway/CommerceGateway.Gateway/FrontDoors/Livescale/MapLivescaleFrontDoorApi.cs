namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// The Livescale Shopping API, served per channel at <c>/livescale/{channel}</c>: the merchant gives
/// Livescale that base URL and a client of the identity service, and Livescale calls every path of
/// the spec relative to it. <c>/oauth/token</c> is the identity service's own token endpoint.
/// </summary>
internal static class MapLivescaleFrontDoorApi
{
    public const string Prefix = "/livescale/{channel}";

    public static IEndpointRouteBuilder MapLivescaleFrontDoor(this IEndpointRouteBuilder endpoints)
    {
        var root = endpoints.MapGroup(Prefix).WithTags("Livescale").DisableAntiforgery();
        root.MapGatewayTokenEndpoint("/oauth/token")
            .AddEndpointFilter(async (context, next) =>
                LivescaleAccessFilter.ChannelOf(context.HttpContext) is null ? LivescaleAccessFilter.UnknownChannel(context.HttpContext) : await next(context));

        var api = root.MapGroup(string.Empty)
            .AddEndpointFilter<LivescaleFaultFilter>()
            .AddEndpointFilter<LivescaleAccessFilter>();
        LivescaleCustomerEndpoints.Map(api);
        LivescaleCatalogEndpoints.Map(api);
        LivescaleBasketEndpoints.Map(api);
        LivescaleCheckoutEndpoints.Map(api);
        LivescaleOrderEndpoints.Map(api);
        return endpoints;
    }
}
