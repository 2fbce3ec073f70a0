using CommerceGateway.Identity.Hosting;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Adds what OpenIddict's degraded mode leaves out of an active introspection answer (RFC 7662 §2.2):
/// the token's <c>scope</c>, and the issuer exactly as written in the token.
/// </summary>
internal sealed class IntrospectionClaims : IOpenIddictServerHandler<HandleIntrospectionRequestContext>
{
    private readonly IdentityIssuer _issuer;

    public IntrospectionClaims(IdentityIssuer issuer) => _issuer = issuer;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleIntrospectionRequestContext>()
        .UseSingletonHandler<IntrospectionClaims>()
        .SetOrder(OpenIddictServerHandlers.Introspection.AttachMetadataClaims.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(HandleIntrospectionRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GenericTokenPrincipal is not { } principal)
        {
            return;
        }

        var scopes = principal.GetScopes();
        if (scopes.Length > 0)
        {
            context.Claims[OpenIddictConstants.Claims.Scope] = string.Join(' ', scopes);
        }

        context.Claims[OpenIddictConstants.Claims.Issuer] = await _issuer.GetAsync(context.CancellationToken).ConfigureAwait(false);
    }
}
