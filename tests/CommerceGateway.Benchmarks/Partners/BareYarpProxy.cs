using System.Globalization;
using System.Reflection;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// YARP on its own, the same version the gateway ships: one route to the bench upstream, the
/// caller's Authorization swapped for the upstream credential as nginx does, and nothing else (no
/// authentication, authorization, rate limiter, timeouts, metrics or correlation id). It shows what
/// the platform's proxy hop costs on this machine, so the gateway's own share can be read off.
/// </summary>
internal static class BareYarpProxy
{
    /// <summary>Starts the proxy as a child process of the benchmark.</summary>
    public static Task<ChildServer> StartAsync(int port, int upstreamPort)
    {
        var self = Assembly.GetExecutingAssembly().Location;
        return ChildServer.StartAsync(
            "yarp", "dotnet",
            [self, "partners", "--serve-bare-yarp", "--port", Text(port), "--upstream-port", Text(upstreamPort)],
            port,
            // The gateway is a Web SDK app and so runs Server GC; this proxy runs the same.
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
    }

    /// <summary>Serves until SIGTERM, until standard input closes (the parent died) or until the lifetime passes.</summary>
    public static async Task<int> ServeAsync(int port, int upstreamPort)
    {
        var builder = ChildHost.CreateBuilder(port);
        RouteConfig[] routes =
        [
            new() { RouteId = "bench", ClusterId = "bench", Match = new RouteMatch { Path = GatewayUnderTest.RoutePrefix + "{**rest}" } },
        ];
        ClusterConfig[] clusters =
        [
            new()
            {
                ClusterId = "bench",
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    ["upstream"] = new() { Address = $"http://127.0.0.1:{Text(upstreamPort)}/" },
                },
            },
        ];
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters).AddTransforms(context =>
        {
            context.AddRequestHeaderRemove("Authorization");
            context.AddRequestHeader("Authorization", "Token " + GatewayUnderTest.UpstreamCredential, append: false);
        });
        await using var app = builder.Build();
        app.MapReverseProxy();
        return await ChildHost.ServeAsync(app);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
