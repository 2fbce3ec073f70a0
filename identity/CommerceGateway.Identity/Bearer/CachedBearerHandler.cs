using System.Text.Encodings.Web;
using CommerceGateway.Identity.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// The gateway's bearer scheme (<see cref="GatewayBearerDefaults.AuthenticationScheme"/>). A token that
/// OpenIddict's validation accepted before is answered from <see cref="ValidatedTicketCache"/> without
/// OpenIddict's per-request transaction, claim copies and handler dispatch: only what can change while
/// the token lives is checked again, in the order the full path checks it (the signing keys, so a
/// state-store outage fails closed; then the revocation list). Everything else (a new token, a revoked
/// one, no token, a challenge or a refusal) is OpenIddict's, unchanged.
/// </summary>
internal sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ValidatedTicketCache cache,
    IRevokedTokenStore revoked,
    IOptionsMonitor<OpenIddictValidationOptions> validation)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        var header = authorization.Count == 1 ? authorization[0] : null;
        var token = TokenIn(header);
        if (token.Length > 0 && cache.TryGet(header.AsSpan(token.Start, token.Length), out var known))
        {
            if (await StillValidAsync(known).ConfigureAwait(false))
            {
                return AuthenticateResult.Success(known.Ticket);
            }

            // Revoked, or its key withdrawn: the full path refuses it with the right error (and logs it).
            cache.Forget(header.AsSpan(token.Start, token.Length));
        }

        var full = await ValidationHandlerAsync().ConfigureAwait(false);
        if (full is null)
        {
            return AuthenticateResult.NoResult();
        }

        var result = await full.AuthenticateAsync().ConfigureAwait(false);
        if (!result.Succeeded || header is null || token.Length == 0)
        {
            return result;
        }

        var ticket = new AuthenticationTicket(result.Principal, result.Properties, Scheme.Name);
        var text = header.Substring(token.Start, token.Length);
        if (Describe(text, ticket) is { } entry)
        {
            cache.Remember(text, entry);
        }

        return AuthenticateResult.Success(ticket);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (await ValidationHandlerAsync().ConfigureAwait(false) is { } full)
        {
            await full.ChallengeAsync(properties).ConfigureAwait(false);
        }
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (await ValidationHandlerAsync().ConfigureAwait(false) is { } full)
        {
            await full.ForbidAsync(properties).ConfigureAwait(false);
        }
    }

    /// <summary>Where the token is in <c>Authorization: Bearer …</c>; length 0 for any other header.</summary>
    private static (int Start, int Length) TokenIn(string? header)
    {
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }

        var start = BearerPrefix.Length;
        var end = header.Length;
        while (start < end && char.IsWhiteSpace(header[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(header[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    private async ValueTask<bool> StillValidAsync(ValidatedTicket known)
    {
        try
        {
            if (validation.CurrentValue.ConfigurationManager is not ConfigurationBridge bridge)
            {
                return false;
            }

            var configuration = await bridge.Source.GetBaseConfigurationAsync(Context.RequestAborted).ConfigureAwait(false);
            return known.KeyPublishedIn(configuration)
                && !await revoked.IsRevokedAsync(known.TokenId, Context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            // Neither accepted nor refused: the host's exception handler answers 503, as on the full path.
            IdentityLog.BearerCheckUnavailable(Logger, outage.Message);
            throw;
        }
    }

    /// <summary>
    /// OpenIddict's own handler for this request, with its transaction: the host's authentication
    /// middleware creates it for every request, but a pipeline branch that calls only the default
    /// scheme (the gateway's partner routes) leaves that to the first request that needs it.
    /// </summary>
    private async Task<IAuthenticationHandler?> ValidationHandlerAsync()
    {
        var handlers = Context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        var full = await handlers.GetHandlerAsync(Context, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The {OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme} scheme is not registered.");
        if (Context.Features.Get<OpenIddictValidationAspNetCoreFeature>() is null
            && full is IAuthenticationRequestHandler request
            && await request.HandleRequestAsync().ConfigureAwait(false))
        {
            // OpenIddict wrote the response itself.
            return null;
        }

        return full;
    }

    private static ValidatedTicket? Describe(string token, AuthenticationTicket ticket)
    {
        var jwt = new JsonWebToken(token);
        if (string.IsNullOrEmpty(jwt.Kid) || string.IsNullOrEmpty(jwt.Id) || jwt.ValidTo == DateTime.MinValue)
        {
            return null;
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        return new ValidatedTicket(ticket, expires, jwt.Kid, jwt.Id);
    }
}
