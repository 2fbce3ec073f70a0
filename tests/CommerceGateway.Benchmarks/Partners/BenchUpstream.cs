using System.Globalization;
using System.Reflection;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// The upstream all three paths reach: Kestrel answering every GET with the same small JSON body.
/// It does as little as possible so that what a proxy adds is visible next to it. It runs in its
/// own process (this benchmark's binary with <c>--serve-upstream</c>) so the in-process load
/// generator never shares a thread pool with it.
/// </summary>
internal static class BenchUpstream
{
    public const string Body = """{"id":"item-1","name":"Bench item","price":12.5,"currency":"USD","available":true}""";

    private static readonly byte[] BodyBytes = System.Text.Encoding.UTF8.GetBytes(Body);

    /// <summary>Starts the upstream as a child process of the benchmark.</summary>
    public static Task<ChildServer> StartAsync(int port)
    {
        var self = Assembly.GetExecutingAssembly().Location;
        return ChildServer.StartAsync(
            "upstream", "dotnet", [self, "partners", "--serve-upstream", "--port", port.ToString(CultureInfo.InvariantCulture)], port,
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });
    }

    /// <summary>Serves until SIGTERM, until standard input closes (the parent died) or until the lifetime passes.</summary>
    public static async Task<int> ServeAsync(int port)
    {
        await using var app = ChildHost.CreateBuilder(port).Build();
        app.Run(static context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = BodyBytes.Length;
            return context.Response.Body.WriteAsync(BodyBytes).AsTask();
        });
        return await ChildHost.ServeAsync(app);
    }
}
