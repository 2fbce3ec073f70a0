using System.Text.Json;
using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>RFC 8414 metadata, its OpenID Connect Discovery twin, and the JWKS (RFC 7517).</summary>
internal static class DiscoveryEndpoints
{
    public const string OAuthMetadataPath = "/.well-known/oauth-authorization-server";
    public const string OpenIdConfigurationPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks.json";
    private static readonly string[] AuthMethods = ["client_secret_basic", "client_secret_post"];

    public static void MapDiscoveryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OAuthMetadataPath, (HttpContext context, SigningKeyManager keys, IdentityIssuer issuer, IOptions<IdentityOptions> options) =>
            WriteMetadataAsync(context, keys, issuer, options.Value, openId: false)).WithName("IdentityOAuthMetadata");
        endpoints.MapGet(OpenIdConfigurationPath, (HttpContext context, SigningKeyManager keys, IdentityIssuer issuer, IOptions<IdentityOptions> options) =>
            WriteMetadataAsync(context, keys, issuer, options.Value, openId: true)).WithName("IdentityOpenIdConfiguration");
        endpoints.MapGet(JwksPath, async (HttpContext context, SigningKeyManager keys) =>
        {
            var keySet = await keys.GetKeySetAsync(context.RequestAborted).ConfigureAwait(false);
            await OAuthResponses.WriteDocumentAsync(context, keySet.JwksJson).ConfigureAwait(false);
        }).WithName("IdentityJwks");
    }

    /// <summary>An endpoint URL under the issuer, so issuers with a path keep it.</summary>
    public static string Url(string issuer, string path) => issuer.TrimEnd('/') + path;

    private static async Task WriteMetadataAsync(HttpContext context, SigningKeyManager keys, IdentityIssuer identityIssuer, IdentityOptions options, bool openId)
    {
        var keySet = await keys.GetKeySetAsync(context.RequestAborted).ConfigureAwait(false);
        var algorithms = keySet.Published.Select(k => k.Algorithm).Distinct(StringComparer.Ordinal).ToArray();
        var scopes = options.Clients.Values.SelectMany(c => c.AllowedScopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var issuer = await identityIssuer.GetAsync(context.RequestAborted).ConfigureAwait(false);
        await OAuthResponses.WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("issuer", issuer);
            writer.WriteString("token_endpoint", Url(issuer, TokenEndpoint.Path));
            writer.WriteString("jwks_uri", Url(issuer, JwksPath));
            writer.WriteString("introspection_endpoint", Url(issuer, IntrospectionEndpoint.Path));
            writer.WriteString("revocation_endpoint", Url(issuer, RevocationEndpoint.Path));
            WriteArray(writer, "grant_types_supported", ["client_credentials"]);
            WriteArray(writer, "response_types_supported", []);
            WriteArray(writer, "token_endpoint_auth_methods_supported", AuthMethods);
            WriteArray(writer, "introspection_endpoint_auth_methods_supported", AuthMethods);
            WriteArray(writer, "revocation_endpoint_auth_methods_supported", AuthMethods);
            WriteArray(writer, "scopes_supported", scopes);
            // Not registered by RFC 8414; says how access tokens are signed (never "none").
            WriteArray(writer, "access_token_signing_alg_values_supported", algorithms);
            if (openId)
            {
                // OpenID Connect Discovery requires these; no ID tokens are issued, the keys are the same.
                WriteArray(writer, "subject_types_supported", ["public"]);
                WriteArray(writer, "id_token_signing_alg_values_supported", algorithms);
            }
        }, OAuthResponses.PublicCache).ConfigureAwait(false);
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, string[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
