using CommerceGateway.Identity.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// Our steps in OpenIddict's validation of a bearer token: the configuration read first, so a state-store
/// outage fails closed instead of passing for a bad token; <c>iss</c> checked exactly; and the revocation
/// list checked on every request, cached signature or not.
/// </summary>
/// <remarks>
/// An outage propagates as <see cref="IdentityStoreUnavailableException"/> out of authentication: neither
/// accepted nor refused with RFC 6750's 401 <c>invalid_token</c> (which would tell the client to throw
/// away a token that may be good). The gateway's exception handler answers it with 503 and <c>Retry-After</c>.
/// </remarks>
internal static class ValidationHandlers
{
    /// <summary>
    /// Reads the issuer and keys (ours, or a remote authority's metadata) before OpenIddict would: its own
    /// step turns any failure into a <c>server_error</c> rejection, which the client would take for a
    /// refusal of its token. A store outage propagates as <see cref="IdentityStoreUnavailableException"/>,
    /// an unreadable remote authority as <see cref="IdentityAuthorityUnavailableException"/>.
    /// </summary>
    internal sealed class OwnConfiguration : IOpenIddictValidationHandler<ProcessAuthenticationContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<OwnConfiguration>()
            .SetOrder(OpenIddictValidationHandlers.ResolveServerConfiguration.Descriptor.Order - 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(ProcessAuthenticationContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.Configuration is not null || context.Options.ConfigurationManager is not ConfigurationBridge bridge)
            {
                return;
            }

            try
            {
                context.Configuration = await bridge.GetConfigurationAsync(context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StoreOutage.Find(e) is { } outage)
            {
                IdentityLog.BearerCheckUnavailable(context.Logger, outage.Message);
                throw;
            }
            catch (Exception e) when (bridge.Source is not LocalIssuerConfigurationManager && e is not OperationCanceledException)
            {
                // IdentityModel serves its last good copy while one exists, so this is an authority never
                // read since start-up, or one unreachable for longer than that copy is kept.
                IdentityLog.BearerCheckUnavailable(context.Logger, $"the authority's metadata could not be read ({e.GetType().Name})");
                throw new IdentityAuthorityUnavailableException("The authority's metadata or keys could not be read.", e);
            }
        }
    }

    /// <summary>
    /// OpenIddict accepts the issuer with and without a trailing '/'; RFC 9068 §4 compares <c>iss</c> as a
    /// string, so the check is left to IdentityModel against the configuration's issuer, exactly.
    /// </summary>
    internal sealed class ExactIssuer : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<ExactIssuer>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.TokenValidationParameters is { } parameters)
            {
                parameters.ValidIssuers = null;
                parameters.ValidIssuer = null;
                parameters.ValidateIssuer = true;
            }

            return default;
        }
    }

    /// <summary>A revoked token is refused on its next request, on every replica: the list is the shared <see cref="IRevokedTokenStore"/>.</summary>
    internal sealed class RevokedTokens(IRevokedTokenStore revoked, ILogger<RevokedTokens> logger) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<RevokedTokens>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateAudiences.Descriptor.Order + 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.Principal is not { } principal)
            {
                return;
            }

            if (principal.GetClaim(OpenIddictConstants.Claims.JwtId) is not { Length: > 0 } tokenId)
            {
                context.Reject(OpenIddictConstants.Errors.InvalidToken, "The access token has no 'jti'.");
                return;
            }

            bool isRevoked;
            try
            {
                isRevoked = await revoked.IsRevokedAsync(tokenId, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StoreOutage.Find(e) is { } outage)
            {
                IdentityLog.BearerCheckUnavailable(logger, outage.Message);
                throw;
            }

            if (isRevoked)
            {
                IdentityLog.RevokedTokenRejected(logger, tokenId);
                context.Reject(OpenIddictConstants.Errors.InvalidToken, "The access token was revoked.");
            }
        }
    }
}
