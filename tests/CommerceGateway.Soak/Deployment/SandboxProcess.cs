using System.Globalization;
using System.Net.Http.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak.Deployment;

/// <summary>
/// The sandbox backends as one process of their own (the sandbox's standalone host), so every
/// gateway replica talks to the same backend records over HTTP and a killed gateway loses none.
/// </summary>
internal static class SandboxProcess
{
    public static string DllPath => RepositoryLayout.PathOf("adapters", "CommerceGateway.Sandbox", "bin", BuildConfiguration.Name, "net10.0", "CommerceGateway.Sandbox.dll");

    public static async Task<ChildServer> StartAsync(int port)
    {
        if (!File.Exists(DllPath))
        {
            throw new InvalidOperationException($"{DllPath} is missing: build with dotnet build -c {BuildConfiguration.Name} tests/CommerceGateway.Soak.");
        }

        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var sandbox = await ChildServer.StartAsync(
            "sandbox", "timeout", ["--kill-after=5s", "30m", "dotnet", DllPath, "--urls", url], port, environment, Path.GetDirectoryName(DllPath));
        // Every buyer comes from 127.0.0.1 through the gateways: Guest Manager's documented per-IP
        // limit (300 a minute) would throttle the whole soak as if it were one client.
        using var client = new HttpClient { BaseAddress = new Uri(url + "/") };
        using var response = await client.PutAsJsonAsync(new Uri("guestmanager/_admin/rate-limit", UriKind.Relative), new { limit = 1_000_000, windowSeconds = 60 });
        response.EnsureSuccessStatusCode();
        return sandbox;
    }
}
