using CommerceGateway.Identity.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Revocation and introspection on the shared <see cref="IRevokedTokenStore"/>, since degraded mode has
/// no token store: revocation (RFC 7009) puts the token's <c>jti</c> on the list until the token expires,
/// only for the client it was issued to; introspection (RFC 7662) calls a listed token inactive. Every
/// replica reads the same list, so a revocation holds everywhere on the next request.
/// </summary>
internal sealed class RevocationList :
    IOpenIddictServerHandler<ValidateTokenContext>,
    IOpenIddictServerHandler<ValidateRevocationRequestContext>,
    IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    private readonly IRevokedTokenStore _revoked;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RevocationList(IRevokedTokenStore revoked, TimeProvider time, ILogger<RevocationList> logger)
    {
        _revoked = revoked;
        _time = time;
        _logger = logger;
    }

    public static OpenIddictServerHandlerDescriptor IntrospectionDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RevocationList>()
        .SetOrder(OpenIddictServerHandlers.Protection.ValidateExpirationDate.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor OwnerDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateRevocationRequestContext>()
        .UseSingletonHandler<RevocationList>()
        .SetOrder(OpenIddictServerHandlers.Revocation.ValidateAuthorizedParty.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor RevokeDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
        .UseSingletonHandler<RevocationList>()
        .SetOrder(OpenIddictServerHandlers.Revocation.AttachPrincipal.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Introspection || context.Principal is not { } principal)
        {
            return;
        }

        // RFC 7519 §4.1.4: a token is expired from its "exp" on; OpenIddict still accepts it at that instant.
        if (principal.GetExpirationDate() is not { } expiresAt || expiresAt <= _time.GetUtcNow())
        {
            context.Reject(OpenIddictConstants.Errors.InvalidToken, "The token has expired.");
            return;
        }

        if (principal.GetClaim(OpenIddictConstants.Claims.JwtId) is not { Length: > 0 } tokenId)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidToken, "The token has no 'jti'.");
            return;
        }

        try
        {
            if (await _revoked.IsRevokedAsync(tokenId, context.CancellationToken).ConfigureAwait(false))
            {
                context.Reject(OpenIddictConstants.Errors.InvalidToken, "The token was revoked.");
            }
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            GatewayServerErrors.RejectOutage(context, outage);
        }
    }

    public ValueTask HandleAsync(ValidateRevocationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.Transaction.GetClient();
        var owner = context.GenericTokenPrincipal?.GetClaim(OpenIddictConstants.Claims.ClientId);
        if (client is not null && owner is not null && owner != client.ClientId)
        {
            context.Reject(OpenIddictConstants.Errors.UnauthorizedClient, "The token was issued to another client.");
        }

        return default;
    }

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.GenericTokenPrincipal;
        var tokenId = principal?.GetClaim(OpenIddictConstants.Claims.JwtId);
        if (principal?.GetExpirationDate() is not { } expiresAt || string.IsNullOrEmpty(tokenId) || expiresAt <= _time.GetUtcNow())
        {
            return;
        }

        try
        {
            await _revoked.RevokeAsync(tokenId, expiresAt, context.CancellationToken).ConfigureAwait(false);
            IdentityLog.TokenRevoked(_logger, context.Transaction.GetClient()?.ClientId ?? string.Empty, tokenId);
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            GatewayServerErrors.RejectOutage(context, outage);
        }
    }
}
