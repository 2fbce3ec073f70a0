using System.Globalization;
using CommerceGateway.Identity;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak.Deployment;

/// <summary>
/// One gateway replica as shipped: its own build output run by <c>dotnet</c> in a child process,
/// in the Production environment, configured by environment variables as a container is, every
/// channel pointed at the sandbox process and its state in the shared Redis Cluster.
/// </summary>
internal static class GatewayProcess
{
    public const string ClientId = "soak-storefront";
    public const string Audience = "commerce-gateway";
    public const string Scopes = "catalog:read cart:write checkout:write";

    // The channels as a deployment configures them (Production reads no demo channels): adapter,
    // currency, credentials and capabilities of the sandbox's demo backends, at the sandbox process.
    private static readonly (string Channel, string Protocol, string[] Settings)[] Channels =
    [
        ("booking-demo", "booking", ["Adapter=booking", "Currency=EUR", "Credentials:ClientId=gateway", "Credentials:ClientSecret=gateway-secret"]),
        ("orderflow-demo", "orderflow", ["Adapter=orderflow", "Currency=USD", "Capabilities:0=Shipping", "Settings:Price.1234=50.00", "Settings:Price.3456=19.99"]),
        ("guestmanager-demo", "guestmanager", ["Adapter=guestmanager", "Currency=USD", "Credentials:ApiKey=gm_sandbox_key", "Settings:PaymentPollInitialDelay=00:00:00.050", "Settings:PaymentPollMaxDelay=00:00:00.400"]),
        ("loyalty-demo", "example", ["Adapter=example", "Currency=USD", "Capabilities:0=CaptureLater", "Capabilities:1=Refunds", "Credentials:ApiKey=example-api-key"]),
    ];

    public static string DllPath => RepositoryLayout.PathOf("gateway", "CommerceGateway.Gateway", "bin", BuildConfiguration.Name, "net10.0", "CommerceGateway.Gateway.dll");

    public static Task<ChildServer> StartAsync(string name, string folder, int port, Uri publicUrl, Uri sandboxUrl, string redis, string clientSecretHash, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        if (!File.Exists(DllPath))
        {
            throw new InvalidOperationException($"{DllPath} is missing: build with dotnet build -c {BuildConfiguration.Name} tests/CommerceGateway.Soak.");
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging:LogLevel:Default"] = "Warning",
            ["ConnectionStrings:Redis"] = redis,
            ["StateStore:KeyPrefix"] = "soak:",
            // Every replica issues and accepts tokens as the one public address behind the balancer.
            ["Identity:Issuer"] = publicUrl.ToString().TrimEnd('/'),
            ["Identity:DataDirectory"] = Path.Combine(folder, name + "-identity"),
            [$"Identity:Clients:{ClientId}:SecretHash"] = clientSecretHash,
            [$"Identity:Clients:{ClientId}:Audiences:0"] = Audience,
            [$"Identity:Clients:{ClientId}:AllowedScopes:0"] = "catalog:read",
            [$"Identity:Clients:{ClientId}:AllowedScopes:1"] = "cart:write",
            [$"Identity:Clients:{ClientId}:AllowedScopes:2"] = "checkout:write",
            [$"Identity:Clients:{ClientId}:DefaultScopes:0"] = "catalog:read",
        };
        foreach (var (channel, protocol, values) in Channels)
        {
            settings[$"Channels:{channel}:BaseUrl"] = new Uri(sandboxUrl, protocol + "/").ToString();
            foreach (var value in values)
            {
                var equals = value.IndexOf('=', StringComparison.Ordinal);
                settings[$"Channels:{channel}:{value[..equals]}"] = value[(equals + 1)..];
            }
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        // Environment keys use "__" for ':' as in a container deployment.
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        // Run from its own folder, as the container image does: the content root is the working directory.
        return ChildServer.StartAsync(name, "timeout", ["--kill-after=5s", "30m", "dotnet", DllPath, "--urls", url], port, environment, Path.GetDirectoryName(DllPath));
    }

    /// <summary>Identity's slow hash of the soak client's secret, computed once for all replicas.</summary>
    public static string HashSecret(string secret) => ClientSecretHasher.Hash(secret);
}
