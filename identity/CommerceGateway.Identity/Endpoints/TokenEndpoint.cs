using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.Tokens;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>The token endpoint (RFC 6749 §3.2) for the client-credentials grant, at <c>/oauth/token</c> and <c>/connect/token</c>.</summary>
internal static class TokenEndpoint
{
    public const string Path = "/oauth/token";
    public const string AliasPath = "/connect/token";
    private const string GrantType = "client_credentials";

    public static void MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).WithName("IdentityToken").DisableAntiforgery();
        endpoints.MapPost(AliasPath, HandleAsync).WithName("IdentityTokenAlias").DisableAntiforgery();
    }

    /// <summary>The same token endpoint at another path, for a front door whose protocol puts it under its own base URL.</summary>
    public static RouteHandlerBuilder MapTokenEndpointAt(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery();

    private static async Task HandleAsync(HttpContext context, ClientAuthentication authentication, AccessTokenIssuer issuer, IdentityMetrics metrics, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var (parameters, error) = await OAuthRequestReader.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            await OAuthResponses.WriteErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        var grantType = parameters!.Get("grant_type");
        if (grantType is null)
        {
            await OAuthResponses.WriteErrorAsync(context, OAuthError.InvalidRequest("'grant_type' is required.")).ConfigureAwait(false);
            return;
        }

        if (grantType != GrantType)
        {
            await OAuthResponses.WriteErrorAsync(context, new OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only the client_credentials grant is supported.")).ConfigureAwait(false);
            return;
        }

        var (client, authError) = authentication.Authenticate(context, parameters);
        if (authError is not null)
        {
            await OAuthResponses.WriteErrorAsync(context, authError).ConfigureAwait(false);
            return;
        }

        var logger = loggers.CreateLogger(typeof(TokenEndpoint).FullName!);
        var (scopes, scopeError) = GrantedScopes(client!, parameters);
        var (audiences, audienceError) = scopeError is null ? GrantedAudiences(client!, parameters) : ([], null);
        if ((scopeError ?? audienceError) is { } refused)
        {
            IdentityLog.RequestRefused(logger, client!.ClientId, refused.Error);
            await OAuthResponses.WriteErrorAsync(context, refused).ConfigureAwait(false);
            return;
        }

        var token = await issuer.IssueAsync(client!, audiences, scopes, cancellationToken).ConfigureAwait(false);
        IdentityLog.TokenIssued(logger, client!.ClientId, audiences, token.Scope, token.KeyId, token.ExpiresIn);
        metrics.TokenIssued(client.ClientId);
        await OAuthResponses.WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("access_token", token.AccessToken);
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("expires_in", token.ExpiresIn);
            if (token.Scope.Length > 0)
            {
                writer.WriteString("scope", token.Scope);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The requested scopes (<c>scope</c>, or Livescale's <c>scopes</c>), each allowed for the client; none requested means the defaults.</summary>
    private static (IReadOnlyList<string> Scopes, OAuthError? Error) GrantedScopes(RegisteredClient client, OAuthParameters parameters)
    {
        var scope = parameters.Get("scope");
        var scopes = parameters.Get("scopes");
        if (scope is not null && scopes is not null)
        {
            return ([], OAuthError.InvalidRequest("Send either 'scope' or 'scopes', not both."));
        }

        var requested = (scope ?? scopes)?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (requested is null || requested.Count == 0)
        {
            return (client.DefaultScopes, null);
        }

        var refused = requested.Where(s => !client.AllowedScopes.Contains(s)).ToList();
        return refused.Count > 0
            ? ([], new OAuthError(StatusCodes.Status400BadRequest, "invalid_scope", $"The client may not request: {string.Join(' ', refused)}."))
            : (requested, null);
    }

    /// <summary>The audiences from <c>audience</c> (Auth0) and <c>resource</c> (RFC 8707), each registered for the client.</summary>
    private static (IReadOnlyList<string> Audiences, OAuthError? Error) GrantedAudiences(RegisteredClient client, OAuthParameters parameters)
    {
        var requested = parameters.GetAll("audience").Concat(parameters.GetAll("resource")).Distinct(StringComparer.Ordinal).ToList();
        if (requested.Count == 0)
        {
            return ([client.DefaultAudience], null);
        }

        return requested.All(client.Audiences.Contains)
            ? (requested, null)
            : ([], new OAuthError(StatusCodes.Status400BadRequest, "invalid_target", "The requested audience or resource is not registered for this client."));
    }
}
