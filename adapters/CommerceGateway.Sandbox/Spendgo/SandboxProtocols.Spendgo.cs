using CommerceGateway.Sandbox.Spendgo;

namespace CommerceGateway.Sandbox.Hosting;

/// <content>The Spendgo loyalty protocol (OAuth2 partner API) under <c>/spendgo</c>.</content>
internal static partial class SandboxProtocols
{
    static partial void AddSpendgo(IServiceCollection services)
    {
        services.AddSingleton<SpendgoTokens>();
        services.AddSingleton<SpendgoStore>();
    }

    static partial void MapSpendgo(RouteGroupBuilder group)
    {
        group.AddEndpointFilter<SpendgoErrorFilter>();
        SpendgoAuth.MapTokenEndpoint(group);
        SpendgoAdminEndpoints.Map(group);
        SpendgoEndpoints.Map(group.MapGroup(string.Empty).RequireBearer());
    }
}
