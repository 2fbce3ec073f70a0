using System.Text.Json;
using CommerceGateway.GraphQL.Commerce;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.GraphQL;

/// <summary>
/// Lets a request reach the GraphQL engine only with a credential: a bearer token for the commerce
/// audience, or a publishable storefront key. The result is the request's <see cref="CommerceCaller"/>.
/// </summary>
internal static class CommerceGraphQLAccess
{
    /// <summary>The header that carries a publishable storefront key.</summary>
    public const string KeyHeader = "X-Storefront-Key";

    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CommerceGraphQLOptions>>().CurrentValue;
        var caller = context.RequestServices.GetRequiredService<CommerceCaller>();
        if (context.Request.Headers.Authorization.Count > 0)
        {
            // A token that cannot be checked (store or authority down) throws out of here: the outage
            // exception handler answers 503 without calling the token invalid.
            var result = await context.AuthenticateAsync();
            if (!result.Succeeded || result.Principal.FindFirst("client_id")?.Value is not { Length: > 0 } clientId)
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "The bearer token is missing, invalid or expired.", "UNAUTHENTICATED", "Bearer error=\"invalid_token\"");
                return;
            }

            if (!result.Principal.FindAll("aud").Any(a => a.Value == options.Audience))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, $"The token is not for the audience '{options.Audience}'.", "FORBIDDEN", null);
                return;
            }

            var scopes = result.Principal.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            caller.UseBearer(clientId, scopes);
        }
        else if (context.Request.Headers.TryGetValue(KeyHeader, out var key) && key.Count == 1)
        {
            if (!options.PublishableKeys.TryGetValue(key.ToString(), out var client))
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "The publishable storefront key is unknown.", "UNAUTHENTICATED", "Bearer");
                return;
            }

            caller.UsePublishableKey(client);
        }
        else
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, $"Send a bearer token (Authorization: Bearer ...) or a publishable storefront key ({KeyHeader}).", "UNAUTHENTICATED", "Bearer");
            return;
        }

        await next(context);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string message, string code, string? challenge)
    {
        context.Response.StatusCode = status;
        if (challenge is not null)
        {
            context.Response.Headers.WWWAuthenticate = challenge;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(
            context.Response.Body,
            new { errors = new[] { new { message, extensions = new { code } } } },
            cancellationToken: context.RequestAborted);
    }
}
