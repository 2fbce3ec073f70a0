using System.Security.Claims;
using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// The token endpoint's last step, run by ASP.NET Core after OpenIddict has read and validated the
/// request (passthrough): the client is authenticated and its scopes and audiences are decided
/// (<see cref="TokenRequestGrant"/>), so this states who the token is for and OpenIddict signs it.
/// Being a routed endpoint, it takes the filters of the route it is mapped at (a front door's channel check).
/// </summary>
internal static class TokenEndpoint
{
    public const string Path = "/oauth/token";
    public const string AliasPath = "/connect/token";

    public static void MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTokenEndpointAt(Path).WithName("IdentityToken");
        endpoints.MapTokenEndpointAt(AliasPath).WithName("IdentityTokenAlias");
    }

    public static RouteHandlerBuilder MapTokenEndpointAt(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapPost(pattern, IssueAsync).WithMetadata(TokenEndpointMarker.Instance).DisableAntiforgery();

    private static async Task<IResult> IssueAsync(HttpContext http, SigningKeyManager keys, IdentityMetrics metrics, ILoggerFactory loggers)
    {
        var transaction = http.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction;
        var client = transaction?.GetClient() ?? throw new InvalidOperationException("The token endpoint ran without OpenIddict: call UseAuthentication before mapping the identity endpoints.");
        var logger = loggers.CreateLogger(typeof(TokenEndpoint).FullName!);
        SigningKeySet keySet;
        try
        {
            keySet = await keys.GetKeySetAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            IdentityLog.StoreUnavailable(logger, http.Request.Path.Value ?? string.Empty, outage.Message);
            transaction!.SetRetryAfter(StoreOutage.RetryAfter);
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.TemporarilyUnavailable,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The authorization server cannot reach its store; retry shortly with the same request.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        transaction!.SetKeySet(keySet);
        var (scopes, audiences) = transaction.GetGrant();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.SetClaim(OpenIddictConstants.Claims.Subject, client.ClientId);
        identity.SetClaim(OpenIddictConstants.Claims.ClientId, client.ClientId);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetAudiences(audiences);
        principal.SetAccessTokenLifetime(client.AccessTokenLifetime);
        principal.SetDestinations(static _ => [OpenIddictConstants.Destinations.AccessToken]);

        var scope = string.Join(' ', scopes);
        IdentityLog.TokenIssued(logger, client.ClientId, audiences, scope, keySet.Active.KeyId, (long)client.AccessTokenLifetime.TotalSeconds);
        metrics.TokenIssued(client.ClientId);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
