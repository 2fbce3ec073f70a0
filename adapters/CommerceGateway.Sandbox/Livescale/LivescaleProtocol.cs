using CommerceGateway.Sandbox.Livescale;

namespace CommerceGateway.Sandbox.Hosting;

/// <content>The Livescale Shopping API, served as the merchant server the spec describes.</content>
internal static partial class SandboxProtocols
{
    static partial void AddLivescale(IServiceCollection services) =>
        services.AddSingleton<LivescaleState>();

    static partial void MapLivescale(RouteGroupBuilder group)
    {
        LivescaleAuthEndpoints.MapToken(group);
        var authorized = group.MapGroup(string.Empty).AddEndpointFilter<LivescaleAuthFilter>();
        LivescaleAuthEndpoints.MapCustomerLogin(authorized);
        LivescaleCatalogEndpoints.Map(authorized);
        LivescaleBasketEndpoints.Map(authorized);
        LivescaleCheckoutEndpoints.Map(authorized);
        LivescaleOrderEndpoints.Map(authorized);
    }
}
