using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// The gateway's bearer scheme (<see cref="GatewayBearerDefaults.AuthenticationScheme"/>). A token that
/// OpenIddict's validation accepted before is answered by <see cref="CachedBearerTickets"/>, without
/// OpenIddict's per-request transaction, claim copies and handler dispatch. Everything else (a new
/// token, a revoked one, no token, a challenge or a refusal) is OpenIddict's, unchanged.
/// </summary>
internal sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CachedBearerTickets tickets)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (await tickets.FindAsync(Context).ConfigureAwait(false) is { } known)
        {
            return AuthenticateResult.Success(known);
        }

        var full = await ValidationHandlerAsync().ConfigureAwait(false);
        if (full is null)
        {
            return AuthenticateResult.NoResult();
        }

        var result = await full.AuthenticateAsync().ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result;
        }

        var ticket = new AuthenticationTicket(result.Principal, result.Properties, Scheme.Name);
        tickets.Remember(Context, ticket);
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

    /// <summary>
    /// OpenIddict's own handler for this request, with its transaction: ASP.NET Core's authentication
    /// middleware creates it for every request, but the gateway's skips that where no OpenIddict endpoint
    /// can be (partner routes), leaving it to the first step of the request that needs it.
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
}
