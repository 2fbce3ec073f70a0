using System.Collections.Immutable;
using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Makes the metadata (RFC 8414, OpenID Connect Discovery) and the JWKS (RFC 7517) describe what this
/// server does rather than OpenIddict's defaults: the client authentication methods we accept, the
/// scopes of the configured clients, the algorithms and public keys of our rotating signing keys.
/// </summary>
internal sealed class DiscoveryDocuments :
    IOpenIddictServerHandler<HandleConfigurationRequestContext>,
    IOpenIddictServerHandler<ApplyConfigurationResponseContext>,
    IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    /// <summary>The client authentication methods the token, introspection and revocation endpoints accept.</summary>
    public static readonly ImmutableArray<string?> AuthenticationMethods =
        [OpenIddictConstants.ClientAuthenticationMethods.ClientSecretBasic, OpenIddictConstants.ClientAuthenticationMethods.ClientSecretPost,
         OpenIddictConstants.ClientAuthenticationMethods.PrivateKeyJwt];

    /// <summary>The algorithms <c>private_key_jwt</c> assertions may be signed with (RFC 8414 <c>*_auth_signing_alg_values_supported</c>).</summary>
    public static readonly ImmutableArray<string?> AssertionAlgorithms = [.. ClientPublicKeys.SupportedAlgorithms.Order(StringComparer.Ordinal)];

    private readonly SigningKeyManager _keys;
    private readonly ImmutableArray<string?> _scopes;

    public DiscoveryDocuments(SigningKeyManager keys, IOptions<IdentityOptions> options)
    {
        _keys = keys;
        _scopes = [.. options.Value.Clients.Values.SelectMany(c => c.AllowedScopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static OpenIddictServerHandlerDescriptor ConfigurationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
        .UseSingletonHandler<DiscoveryDocuments>()
        .SetOrder(int.MaxValue - 100_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <summary>OpenIddict adds what it always supports (<c>openid</c>, its own algorithm lists) once the request's handlers ran.</summary>
    public static OpenIddictServerHandlerDescriptor ConfigurationResponseDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
        .UseSingletonHandler<DiscoveryDocuments>()
        .SetOrder(int.MinValue + 100_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor JwksDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
        .UseSingletonHandler<DiscoveryDocuments>()
        .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningKeys.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keys = await _keys.GetKeySetAsync(context.CancellationToken).ConfigureAwait(false);
        var algorithms = keys.Published.Select(k => k.Algorithm).Distinct(StringComparer.Ordinal).ToImmutableArray();
        Replace(context.TokenEndpointAuthenticationMethods, AuthenticationMethods!);
        Replace(context.IntrospectionEndpointAuthenticationMethods, AuthenticationMethods!);
        Replace(context.RevocationEndpointAuthenticationMethods, AuthenticationMethods!);
        Replace(context.Scopes, _scopes!);
        Replace(context.IdTokenSigningAlgorithms, algorithms);
        Replace(context.Claims, []);
        // Not registered by RFC 8414; says how access tokens are signed (never "none").
        context.Metadata["access_token_signing_alg_values_supported"] = ImmutableArray.CreateRange<string?>(algorithms);
    }

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.Response.Error))
        {
            context.Response[OpenIddictConstants.Metadata.ScopesSupported] = _scopes;
            context.Response[OpenIddictConstants.Metadata.TokenEndpointAuthMethodsSupported] = AuthenticationMethods;
            context.Response[OpenIddictConstants.Metadata.IntrospectionEndpointAuthMethodsSupported] = AuthenticationMethods;
            context.Response[OpenIddictConstants.Metadata.RevocationEndpointAuthMethodsSupported] = AuthenticationMethods;
            context.Response[OpenIddictConstants.Metadata.TokenEndpointAuthSigningAlgValuesSupported] = AssertionAlgorithms;
            context.Response[OpenIddictConstants.Metadata.IntrospectionEndpointAuthSigningAlgValuesSupported] = AssertionAlgorithms;
            context.Response[OpenIddictConstants.Metadata.RevocationEndpointAuthSigningAlgValuesSupported] = AssertionAlgorithms;
        }

        return default;
    }

    public async ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keys = await _keys.GetKeySetAsync(context.CancellationToken).ConfigureAwait(false);
        context.Keys.Clear();
        foreach (var key in keys.Published)
        {
            context.Keys.Add(ToJsonWebKey(key));
        }
    }

    private static JsonWebKey ToJsonWebKey(SigningKey key)
    {
        var jwk = new JsonWebKey { Kid = key.KeyId, Use = JsonWebKeyUseNames.Sig, Alg = key.Algorithm };
        var members = key.PublicJwk;
        jwk.Kty = members["kty"];
        if (jwk.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve)
        {
            jwk.Crv = members["crv"];
            jwk.X = members["x"];
            jwk.Y = members["y"];
        }
        else
        {
            jwk.E = members["e"];
            jwk.N = members["n"];
        }

        return jwk;
    }

    private static void Replace(ICollection<string> target, IEnumerable<string> values)
    {
        target.Clear();
        foreach (var value in values)
        {
            target.Add(value);
        }
    }
}
