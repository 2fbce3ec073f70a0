using CommerceGateway.Sandbox.Faults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceGateway.Sandbox.Hosting;

/// <summary>Registers and maps every sandbox protocol (standalone, or in-process in the gateway).</summary>
public static class SandboxExtensions
{
    /// <summary>Adds the sandbox's services; every protocol's state lives in singletons.</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SandboxFaults>();
        SandboxProtocols.AddAll(services);
        return services;
    }

    /// <summary>
    /// Maps every protocol under <paramref name="prefix"/> (e.g. "/sandbox" in the gateway, "" standalone):
    /// <c>{prefix}/livescale</c>, <c>{prefix}/orderflow</c>, <c>{prefix}/booking</c>,
    /// <c>{prefix}/guestmanager</c>, <c>{prefix}/spendgo</c>, <c>{prefix}/example</c> (the template protocol), plus <c>{prefix}/_admin/{protocol}/faults</c>, <c>{prefix}/_admin/ledger</c> and <c>{prefix}/_echo/**</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var root = endpoints.MapGroup(prefix);
        root.MapFaultAdminApi();
        root.MapEcho();
        root.MapLedger();
        var protocols = SandboxProtocols.MapAll(root);
        root.MapGet("/", () => TypedResults.Ok(new { service = "CommerceGateway.Sandbox", protocols }));
        return endpoints;
    }
}
