using CommerceGateway.Gateway.Composition;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Runs on every load of <c>ReverseProxy:</c>, at start-up and on each reload: a route that would
/// open the gateway wider than a partner route may stops start-up (or, on reload, is refused while
/// the previous configuration stays in force), with a message naming the key at fault. Routes get
/// the partner policies and the <c>Gateway:Partners</c> defaults they do not set themselves.
/// </summary>
internal sealed class PartnerRouteConfigFilter(IOptionsMonitor<GatewayOptions> options, IConfiguration configuration) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(route);
        var key = $"ReverseProxy:Routes:{route.RouteId}";
        var path = route.Match.Path;
        if (path is null || !path.StartsWith(PartnerRouteMetadata.PathPrefix, StringComparison.OrdinalIgnoreCase) || path.Length <= PartnerRouteMetadata.PathPrefix.Length)
        {
            throw Invalid($"{key}:Match:Path must start with \"{PartnerRouteMetadata.PathPrefix}{{channel}}\", but is \"{path}\": the gateway proxies partner routes only.");
        }

        RequireMetadata(route, key, PartnerRouteMetadata.Audience);
        RequireMetadata(route, key, PartnerRouteMetadata.Scope);
        RequireOurs(route.AuthorizationPolicy, PartnerRoutes.AuthorizationPolicy, $"{key}:AuthorizationPolicy", "every partner route requires a token with the route's audience and scope");
        RequireOurs(route.RateLimiterPolicy, PartnerRoutes.RateLimiterPolicy, $"{key}:RateLimiterPolicy", "every partner route is rate limited per client id");
        CheckUpstreamCredential(route, key);

        var defaults = options.CurrentValue.Partners;
        return ValueTask.FromResult(route with
        {
            AuthorizationPolicy = PartnerRoutes.AuthorizationPolicy,
            RateLimiterPolicy = PartnerRoutes.RateLimiterPolicy,
            Timeout = route.Timeout ?? (route.TimeoutPolicy is null ? defaults.Timeout : null),
            MaxRequestBodySize = route.MaxRequestBodySize ?? defaults.MaxRequestBodySize,
        });
    }

    private static void RequireMetadata(RouteConfig route, string key, string name)
    {
        if (route.Metadata is null || !route.Metadata.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
        {
            throw Invalid($"{key}:Metadata:{name} is required: a partner route names the {name.ToLowerInvariant()} its tokens must carry.");
        }
    }

    private static void RequireOurs(string? configured, string ours, string key, string why)
    {
        if (configured is not null && !string.Equals(configured, ours, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"{key} must be left out (or be \"{ours}\"), but is \"{configured}\": {why}.");
        }
    }

    private void CheckUpstreamCredential(RouteConfig route, string key)
    {
        if (route.Metadata is null || !route.Metadata.TryGetValue(PartnerRouteMetadata.UpstreamCredential, out var reference))
        {
            return;
        }

        if (UpstreamCredentialReference.TryParse(reference, out var credential) is false)
        {
            throw Invalid($"{key}:Metadata:{PartnerRouteMetadata.UpstreamCredential} must be \"{{channel}}:{{credential}}\", but is \"{reference}\".");
        }

        if (string.IsNullOrEmpty(configuration[credential.ConfigurationKey]))
        {
            throw Invalid($"{key}:Metadata:{PartnerRouteMetadata.UpstreamCredential} names {credential.ConfigurationKey}, which is not set.");
        }

        if (route.Metadata.TryGetValue(PartnerRouteMetadata.UpstreamScheme, out var scheme) && (string.IsNullOrWhiteSpace(scheme) || scheme.Any(char.IsWhiteSpace)))
        {
            throw Invalid($"{key}:Metadata:{PartnerRouteMetadata.UpstreamScheme} must be one word such as \"Bearer\" or \"Token\", but is \"{scheme}\".");
        }
    }

    // A validation failure like any options class's, so a refused start prints it as one line.
    private static OptionsValidationException Invalid(string message) => new("ReverseProxy", typeof(RouteConfig), [message]);
}
