using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// OpenIddict's server as our authorization server: the client-credentials grant at our routes, in
/// degraded mode (no application, authorization or token store: clients come from configuration,
/// tokens are self-contained JWTs, revocation is the shared <see cref="IRevokedTokenStore"/>), with
/// our handlers where OpenIddict asks for them (client authentication in degraded mode) or where our
/// clients need more than the standard (JSON bodies, <c>audience</c>, rotating keys, 429).
/// </summary>
internal static class GatewayServerSetup
{
    public static void Configure(OpenIddictServerBuilder server)
    {
        server.SetTokenEndpointUris(TokenEndpoint.Path, TokenEndpoint.AliasPath)
            .SetIntrospectionEndpointUris("/oauth/introspect")
            .SetRevocationEndpointUris("/oauth/revoke")
            .SetConfigurationEndpointUris("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")
            .SetJsonWebKeySetEndpointUris("/.well-known/jwks.json")
            .AllowClientCredentialsFlow()
            .EnableDegradedMode()
            .DisableScopeValidation()
            .DisableAccessTokenEncryption();

        // OpenIddict's options insist on keys of their own; ours rotate and are applied per use
        // (OwnSigningKeys), so these two never sign, encrypt or verify a token.
        server.AddSigningKey(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "unused-placeholder" })
            .AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "unused-placeholder" });

        // TLS ends at the load balancer in front of the gateway, as for every other route.
        server.UseAspNetCore()
            .EnableTokenEndpointPassthrough()
            .DisableTransportSecurityRequirement()
            .SuppressJsonResponseIndentation();

        server.AddEventHandler(FrontDoorTokenEndpoints.Descriptor);
        ReplaceExtractor<ExtractTokenRequestContext>(server);
        ReplaceExtractor<ExtractIntrospectionRequestContext>(server);
        ReplaceExtractor<ExtractRevocationRequestContext>(server);
        server.RemoveEventHandler(ClientAssertionAuthentication.Replaced);
        server.AddEventHandler(ClientAssertionAuthentication.Descriptor);
        server.AddEventHandler(ClientSecretAuthentication.Descriptor);
        server.AddEventHandler(ClientSecretAuthentication.MissingCredentialsDescriptor);
        server.AddEventHandler(TokenRequestGrant.Descriptor);
        server.AddEventHandler(OwnIssuer.SignInDescriptor);
        server.AddEventHandler(OwnIssuer.ConfigurationDescriptor);
        server.AddEventHandler(OwnSigningKeys.SigningDescriptor);
        server.AddEventHandler(OwnSigningKeys.NotBeforeDescriptor);
        server.AddEventHandler(OwnSigningKeys.ValidationDescriptor);
        server.AddEventHandler(IntrospectionClaims.Descriptor);
        // Any registered client may introspect any of our tokens, as before; revocation checks the owner itself.
        server.RemoveEventHandler(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor);
        server.RemoveEventHandler(OpenIddictServerHandlers.Revocation.ValidateAuthorizedParty.Descriptor);
        server.AddEventHandler(RevocationList.IntrospectionDescriptor);
        server.AddEventHandler(RevocationList.OwnerDescriptor);
        server.AddEventHandler(RevocationList.RevokeDescriptor);
        server.AddEventHandler(DiscoveryDocuments.ConfigurationDescriptor);
        server.AddEventHandler(DiscoveryDocuments.ConfigurationResponseDescriptor);
        server.AddEventHandler(DiscoveryDocuments.JwksDescriptor);
        server.AddEventHandler(GatewayResponseHeaders<ApplyTokenResponseContext>.Descriptor);
        server.AddEventHandler(GatewayResponseHeaders<ApplyIntrospectionResponseContext>.Descriptor);
        server.AddEventHandler(GatewayResponseHeaders<ApplyRevocationResponseContext>.Descriptor);
    }

    private static void ReplaceExtractor<TContext>(OpenIddictServerBuilder server)
        where TContext : BaseValidatingContext
    {
        server.RemoveEventHandler(GatewayRequestExtractor<TContext>.Replaced);
        server.AddEventHandler(GatewayRequestExtractor<TContext>.Descriptor);
    }
}
