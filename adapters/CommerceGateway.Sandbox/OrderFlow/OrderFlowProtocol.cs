using CommerceGateway.Sandbox.OrderFlow;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Sandbox.Hosting;

/// <content>The OrderFlowAPI REST pipeline under <c>/orderflow</c> (no authentication, as the source has none).</content>
internal static partial class SandboxProtocols
{
    static partial void AddOrderFlow(IServiceCollection services)
    {
        services.AddOptions<OrderFlowSandboxOptions>()
            .BindConfiguration(OrderFlowSandboxOptions.Section)
            .Validate(o => o.TaxRate >= 0m && o.TaxRate < 10m, "Sandbox:OrderFlow:TaxRate must be a fraction of the net amount between 0 and 10 (0.2195 for 21.95%).")
            .Validate(o => o.Currency is { Length: 3 }, "Sandbox:OrderFlow:Currency must be a three-letter ISO 4217 code.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new OrderFlowStore(sp.GetRequiredService<IOptions<OrderFlowSandboxOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<OrderFlowQuirks>();
    }

    static partial void MapOrderFlow(RouteGroupBuilder group) => OrderFlowEndpoints.Map(group);
}
