using System.Globalization;
using System.Net;
using System.Text.Json;
using CommerceGateway.Identity;
using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// The real gateway, as shipped: its own build output run by <c>dotnet</c> in a child process, in
/// the Production environment with appsettings.Production.json, settings given the way a deployment
/// gives them (environment variables), and one partner route to the bench upstream.
/// </summary>
internal static class GatewayUnderTest
{
    public const string ClientId = "partner-bench";
    public const string RoutePrefix = "/partners/bench/";
    public const string UpstreamCredential = "bench-upstream-key";

    /// <summary>The configuration this benchmark was built in; the gateway is run from the same one.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string DllPath => RepositoryLayout.PathOf("gateway", "CommerceGateway.Gateway", "bin", Configuration, "net10.0", "CommerceGateway.Gateway.dll");

    public static Task<ChildServer> StartAsync(string folder, int port, int upstreamPort, string clientSecret, string? redisConnection, string algorithm)
    {
        if (!File.Exists(DllPath))
        {
            throw new InvalidOperationException($"{DllPath} is missing: build with dotnet build -c {Configuration} tests/CommerceGateway.Benchmarks.");
        }

        var settings = Settings(folder, port, upstreamPort, clientSecret, redisConnection);
        settings["Identity:Keys:Algorithm"] = algorithm;
        // Environment keys use "__" for ':' as in a container deployment.
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        // Run from its own folder, as the container image does (WORKDIR /app): the content root, where
        // appsettings.json and appsettings.Production.json are read, is the working directory.
        return ChildServer.StartAsync(
            "gateway", "timeout", ["--kill-after=5s", "30m", "dotnet", DllPath, "--urls", BaseUrl(port)], port, environment, Path.GetDirectoryName(DllPath));
    }

    /// <summary>Gets an access token for the partner route from the gateway's own token endpoint.</summary>
    public static async Task<string> GetTokenAsync(int port, string clientSecret)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl(port)), Timeout = TimeSpan.FromSeconds(30) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = clientSecret,
            ["audience"] = "partners",
            ["scope"] = "partners:read",
        });
        using var response = await client.PostAsync(new Uri("/oauth/token", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The gateway's token endpoint answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()
            ?? throw new InvalidOperationException("The token response has no access_token.");
    }

    private static string BaseUrl(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    private static Dictionary<string, string> Settings(string folder, int port, int upstreamPort, string clientSecret, string? redisConnection)
    {
        var upstream = $"http://127.0.0.1:{upstreamPort.ToString(CultureInfo.InvariantCulture)}/";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging:LogLevel:Default"] = "Warning",
            // Empty means the in-process state store (one replica); --state redis gives a private redis-server.
            ["ConnectionStrings:Redis"] = redisConnection ?? "",
            ["Identity:Issuer"] = BaseUrl(port),
            ["Identity:DataDirectory"] = Path.Combine(folder, "identity"),
            // A client configured as in production: its own random secret, stored only as a slow hash.
            [$"Identity:Clients:{ClientId}:SecretHash"] = ClientSecretHasher.Hash(clientSecret),
            [$"Identity:Clients:{ClientId}:Audiences:0"] = "partners",
            [$"Identity:Clients:{ClientId}:AllowedScopes:0"] = "partners:read",
            [$"Identity:Clients:{ClientId}:DefaultScopes:0"] = "partners:read",
            // High enough never to throttle the benchmark; the limiter itself still runs on every request.
            ["Gateway:Partners:PermitLimit"] = "100000000",
            ["Gateway:Partners:Window"] = "00:00:01",
            ["Channels:bench:Adapter"] = "guestmanager",
            ["Channels:bench:BaseUrl"] = upstream,
            ["Channels:bench:Currency"] = "USD",
            ["Channels:bench:Credentials:ApiKey"] = UpstreamCredential,
            ["ReverseProxy:Routes:bench:ClusterId"] = "bench",
            ["ReverseProxy:Routes:bench:Match:Path"] = RoutePrefix + "{**rest}",
            ["ReverseProxy:Routes:bench:Metadata:Audience"] = "partners",
            ["ReverseProxy:Routes:bench:Metadata:Scope"] = "partners:read",
            ["ReverseProxy:Routes:bench:Metadata:UpstreamCredential"] = "bench:ApiKey",
            ["ReverseProxy:Routes:bench:Metadata:UpstreamScheme"] = "Token",
            ["ReverseProxy:Clusters:bench:Destinations:upstream:Address"] = upstream,
        };
    }
}
