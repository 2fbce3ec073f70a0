using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Header hygiene on every partner route. YARP already drops hop-by-hop headers and sets
/// <c>X-Forwarded-For/Proto/Host/Prefix</c> itself, replacing whatever the client sent.
/// </summary>
internal static class PartnerTransforms
{
    // Headers a client could use to make the backend see another method, origin or identity.
    private static readonly string[] RequestHeadersRemoved =
        ["Authorization", "Forwarded", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"];

    // Headers that tell an attacker which software answers.
    private static readonly string[] ResponseHeadersRemoved = ["Server", "X-Powered-By", "X-AspNet-Version"];

    public static void Apply(TransformBuilderContext context)
    {
        foreach (var header in RequestHeadersRemoved)
        {
            context.AddRequestHeaderRemove(header);
        }

        foreach (var header in ResponseHeadersRemoved)
        {
            context.AddResponseHeaderRemove(header, ResponseCondition.Always);
        }

        var metadata = context.Route.Metadata;
        if (metadata is not null
            && metadata.TryGetValue(PartnerRouteMetadata.UpstreamCredential, out var reference)
            && UpstreamCredentialReference.TryParse(reference, out var credential))
        {
            var scheme = metadata.TryGetValue(PartnerRouteMetadata.UpstreamScheme, out var configured) ? configured : "Bearer";
            var header = new UpstreamCredentialHeader(context.Services.GetRequiredService<IConfiguration>(), credential.ConfigurationKey, scheme);
            context.AddRequestTransform(transform =>
            {
                // Current as of the last configuration reload, so a rotated credential applies without a restart.
                var value = header.Value;
                if (value is not null)
                {
                    transform.ProxyRequest.Headers.TryAddWithoutValidation("Authorization", value);
                }

                return ValueTask.CompletedTask;
            });
        }
    }
}
