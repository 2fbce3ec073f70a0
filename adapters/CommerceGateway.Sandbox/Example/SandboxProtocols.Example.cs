using CommerceGateway.Sandbox.Example;

namespace CommerceGateway.Sandbox.Hosting;

/// <content>
/// ExampleShop, the made-up protocol behind the template adapter, under <c>/example</c>
/// (API key in <c>X-Api-Key</c>). It exists so docs/adding-an-adapter.md has a backend to talk to.
/// </content>
internal static partial class SandboxProtocols
{
    static partial void AddExample(IServiceCollection services) => services.AddSingleton<ExampleShopStore>();

    static partial void MapExample(RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ExampleShopErrorFilter>();
        group.AddEndpointFilter<ExampleShopApiKeyFilter>();
        ExampleShopEndpoints.Map(group);
    }
}
