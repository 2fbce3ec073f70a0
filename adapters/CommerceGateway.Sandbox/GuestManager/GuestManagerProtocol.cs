using CommerceGateway.Sandbox.GuestManager;

namespace CommerceGateway.Sandbox.Hosting;

/// <content>The Guest Manager public API v2, under <c>/guestmanager/api/public/v2</c>.</content>
internal static partial class SandboxProtocols
{
    static partial void AddGuestManager(IServiceCollection services)
    {
        services.AddSingleton<GuestManagerSandboxSettings>();
        services.AddSingleton<GuestManagerCatalog>();
        services.AddSingleton<GuestManagerStore>();
        services.AddSingleton<GuestManagerRateLimiter>();
        services.AddSingleton<GuestManagerTokenAuthFilter>();
    }

    static partial void MapGuestManager(RouteGroupBuilder group)
    {
        var api = group.MapGroup(GuestManagerProtocol.BasePath);
        // The filters are the registered singletons, so every route shares one rate-limit window per IP.
        api.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<GuestManagerRateLimiter>().InvokeAsync(context, next));
        api.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<GuestManagerTokenAuthFilter>().InvokeAsync(context, next));
        GuestManagerEndpoints.Map(api);
        GuestManagerAdminEndpoints.Map(group);
    }
}
