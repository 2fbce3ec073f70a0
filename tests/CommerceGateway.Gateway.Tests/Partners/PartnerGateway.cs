using System.Net.Http.Headers;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>
/// Settings for a gateway whose partner routes lead to a real sandbox on its own loopback port:
/// <c>/partners/echo/**</c> to the sandbox's echo endpoint (what arrived upstream comes back as
/// JSON) and the demo Guest Manager routes to the sandbox's Guest Manager.
/// </summary>
public static class PartnerGateway
{
    public const string EchoPrefix = "/partners/echo/";

    public static Dictionary<string, string?> Settings(SandboxServer sandbox, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ReverseProxy:Routes:echo:ClusterId"] = "echo",
            ["ReverseProxy:Routes:echo:Match:Path"] = EchoPrefix + "{**rest}",
            ["ReverseProxy:Routes:echo:Metadata:Audience"] = "partners",
            ["ReverseProxy:Routes:echo:Metadata:Scope"] = "partners:read",
            ["ReverseProxy:Routes:echo:Metadata:UpstreamCredential"] = "guestmanager-demo:ApiKey",
            ["ReverseProxy:Routes:echo:Metadata:UpstreamScheme"] = "Token",
            ["ReverseProxy:Routes:echo:Transforms:0:PathPattern"] = "/_echo/{**rest}",
            ["ReverseProxy:Clusters:echo:Destinations:sandbox:Address"] = sandbox.BaseUrl.ToString(),
            ["ReverseProxy:Clusters:guestmanager:Destinations:sandbox:Address"] = sandbox.ProtocolUrl("guestmanager").ToString(),
            ["ReverseProxy:Clusters:guestmanager:Destinations:sandbox:Health"] = sandbox.BaseUrl.ToString(),
            ["ReverseProxy:Clusters:orderflow:Destinations:sandbox:Address"] = sandbox.ProtocolUrl("orderflow").ToString(),
            ["ReverseProxy:Clusters:orderflow:Destinations:sandbox:Health"] = sandbox.BaseUrl.ToString(),
            ["Channels:guestmanager-demo:BaseUrl"] = sandbox.ProtocolUrl("guestmanager").ToString(),
            ["Channels:orderflow-demo:BaseUrl"] = sandbox.ProtocolUrl("orderflow").ToString(),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A client with the demo partner's token for the given scopes.</summary>
    public static async Task<HttpClient> PartnerClientAsync(GatewayApp app, string scope = "partners:read")
    {
        var token = await app.GetTokenAsync(scope: scope, audience: "partners");
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
