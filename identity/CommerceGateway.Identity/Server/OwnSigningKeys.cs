using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Feeds OpenIddict our rotating keys on every use instead of the fixed credentials in its options:
/// access tokens are signed with the <see cref="SigningKeyManager"/>'s active key and tokens presented
/// to introspection and revocation are checked against its published keys and our exact issuer, so a
/// rotation made by any replica applies without a restart. The placeholder key OpenIddict's options
/// require never signs or verifies anything.
/// </summary>
internal sealed class OwnSigningKeys : IOpenIddictServerHandler<GenerateTokenContext>, IOpenIddictServerHandler<ValidateTokenContext>
{
    private readonly SigningKeyManager _keys;
    private readonly IdentityIssuer _issuer;

    public OwnSigningKeys(SigningKeyManager keys, IdentityIssuer issuer)
    {
        _keys = keys;
        _issuer = issuer;
    }

    public static OpenIddictServerHandlerDescriptor SigningDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<OwnSigningKeys>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <summary>
    /// Adds <c>nbf</c> (equal to <c>iat</c>) to access tokens, as our tokens always carried: OpenIddict
    /// leaves it out, and verifiers written against our earlier tokens may expect it.
    /// </summary>
    public static OpenIddictServerHandlerDescriptor NotBeforeDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<NotBeforeClaim>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachTokenMetadata.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor ValidationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<OwnSigningKeys>()
        .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TokenType is not (OpenIddictConstants.TokenTypeIdentifiers.AccessToken or OpenIddictConstants.TokenTypeHints.AccessToken))
        {
            throw new InvalidOperationException($"Only access tokens are issued here, not {context.TokenType}.");
        }

        var keys = context.Transaction.GetKeySet() ?? await _keys.GetKeySetAsync(context.CancellationToken).ConfigureAwait(false);
        context.SigningCredentials = keys.Active.Credentials;
    }

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TokenValidationParameters is not { } parameters)
        {
            return;
        }

        try
        {
            var keys = await _keys.GetKeySetAsync(context.CancellationToken).ConfigureAwait(false);
            parameters.IssuerSigningKeys = keys.ValidationKeys;
            parameters.IssuerSigningKey = null;
            parameters.ValidIssuer = await _issuer.GetAsync(context.CancellationToken).ConfigureAwait(false);
            parameters.ValidIssuers = null;
            parameters.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            GatewayServerErrors.RejectOutage(context, outage);
        }
    }

    /// <summary>See <see cref="NotBeforeDescriptor"/>.</summary>
    internal sealed class NotBeforeClaim : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.SecurityTokenDescriptor is { IssuedAt: { } issuedAt } descriptor)
            {
                descriptor.NotBefore ??= issuedAt;
            }

            return default;
        }
    }
}
