using CommerceGateway.Identity.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Validation;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// The per-request part of a token OpenIddict's validation accepted before: only what can change while
/// the token lives is checked again, in the order the full path checks it (the signing keys, so a
/// state-store outage fails closed; then the revocation list, on every request and every replica).
/// Shared by the bearer scheme and by the gateway's authentication middleware, which for partner routes
/// asks it first, before any authentication handler is created.
/// </summary>
internal sealed class CachedBearerTickets(
    ValidatedTicketCache cache,
    IRevokedTokenStore revoked,
    IOptionsMonitor<OpenIddictValidationOptions> validation,
    ILogger<CachedBearerTickets> logger)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// The remembered ticket of the request's bearer token, if it is still good; <see langword="null"/>
    /// when it was never seen, has reached its <c>exp</c>, was revoked or its key withdrawn (those are
    /// forgotten: the full path then refuses them with the right error).
    /// </summary>
    public async ValueTask<AuthenticationTicket?> FindAsync(HttpContext context)
    {
        var header = AuthorizationOf(context);
        var token = TokenIn(header);
        if (header is null || token.Length == 0 || !cache.TryGet(header.AsSpan(token.Start, token.Length), out var known))
        {
            return null;
        }

        if (await StillValidAsync(known, context.RequestAborted).ConfigureAwait(false))
        {
            return known.Ticket;
        }

        cache.Forget(header.AsSpan(token.Start, token.Length));
        return null;
    }

    /// <summary>Remembers the ticket the full validation gave the request's bearer token.</summary>
    public void Remember(HttpContext context, AuthenticationTicket ticket)
    {
        var header = AuthorizationOf(context);
        var token = TokenIn(header);
        if (header is null || token.Length == 0)
        {
            return;
        }

        var text = header.Substring(token.Start, token.Length);
        var jwt = new JsonWebToken(text);
        if (string.IsNullOrEmpty(jwt.Kid) || string.IsNullOrEmpty(jwt.Id) || jwt.ValidTo == DateTime.MinValue)
        {
            return;
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        cache.Remember(text, new ValidatedTicket(ticket, expires, jwt.Kid, jwt.Id));
    }

    private static string? AuthorizationOf(HttpContext context)
    {
        var values = context.Request.Headers.Authorization;
        return values.Count == 1 ? values[0] : null;
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

    private async ValueTask<bool> StillValidAsync(ValidatedTicket known, CancellationToken cancel)
    {
        try
        {
            if (validation.CurrentValue.ConfigurationManager is not ConfigurationBridge bridge)
            {
                return false;
            }

            BaseConfiguration configuration = bridge.Source is LocalIssuerConfigurationManager local
                ? await local.GetCurrentAsync(cancel).ConfigureAwait(false)
                : await bridge.Source.GetBaseConfigurationAsync(cancel).ConfigureAwait(false);
            return known.KeyPublishedIn(configuration)
                && !await revoked.IsRevokedAsync(known.TokenId, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            // Neither accepted nor refused: the host's exception handler answers 503, as on the full path.
            IdentityLog.BearerCheckUnavailable(logger, outage.Message);
            throw;
        }
    }
}
