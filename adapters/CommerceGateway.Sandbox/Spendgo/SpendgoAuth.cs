using CommerceGateway.Sandbox.Hosting;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>
/// <c>GET /oauth2/v1/token</c> (POST is accepted too, as OAuth2 clients expect): the partner's
/// client id and shared secret (HTTP Basic, or <c>client_id</c>/<c>client_secret</c> parameters),
/// <c>grant_type=client_credentials</c> and the <c>account_id</c> they were issued for. Every
/// loyalty call then needs <c>Authorization: Bearer</c> with a live token of that account.
/// </summary>
internal static class SpendgoAuth
{
    private const string AccountItem = "CommerceGateway.Sandbox.Spendgo.Account";

    public static void MapTokenEndpoint(RouteGroupBuilder group)
    {
        group.MapGet("/oauth2/v1/token", (HttpRequest request, SpendgoTokens tokens) => Issue(request, request.Query, tokens));
        group.MapPost("/oauth2/v1/token", async (HttpRequest request, SpendgoTokens tokens) =>
            Issue(request, request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : request.Query, tokens));
    }

    /// <summary>The account of the caller's token; the Bearer filter has set it.</summary>
    public static string Account(this HttpContext context) => (string)context.Items[AccountItem]!;

    /// <summary>Refuses calls without a live Bearer token with 401 <c>invalid_token</c>.</summary>
    public static RouteGroupBuilder RequireBearer(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var account = http.Request.BearerToken() is { } bearer
                ? http.RequestServices.GetRequiredService<SpendgoTokens>().AccountOf(bearer)
                : null;
            if (account is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return SpendgoErrorFilter.Error(StatusCodes.Status401Unauthorized, "invalid_token", "A live Bearer access token from /oauth2/v1/token is required.");
            }

            http.Items[AccountItem] = account;
            return await next(context);
        });

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<JsonObject> Issue(HttpRequest request, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters, SpendgoTokens tokens)
    {
        var values = parameters.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (values.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }

        var (clientId, secret) = Basic(request) ?? (values.GetValueOrDefault("client_id"), values.GetValueOrDefault("client_secret"));
        var client = SpendgoTokens.Authenticate(clientId, secret);
        if (client is null)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"spendgo\"";
            return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client or wrong shared secret.");
        }

        if (!string.Equals(values.GetValueOrDefault("account_id"), client.AccountId, StringComparison.Ordinal))
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "account_id is missing or is not the account these credentials were issued for.");
        }

        return TypedResults.Json(new JsonObject
        {
            ["access_token"] = tokens.Issue(client),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)SpendgoTokens.Lifetime.TotalSeconds,
            ["account_id"] = client.AccountId,
        });
    }

    private static (string? Id, string? Secret)? Basic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<JsonObject> OAuthError(int status, string error, string description) =>
        TypedResults.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
