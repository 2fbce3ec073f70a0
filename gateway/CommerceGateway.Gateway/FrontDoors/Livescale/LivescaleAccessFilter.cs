using System.Security.Claims;
using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// Every call but <c>/oauth/token</c>: the base URL's channel must be a commerce channel, and the
/// request must carry a bearer token of the identity service for the <c>livescale</c> audience, with
/// <c>shopping:read</c> to read and <c>shopping:write</c> to change. Refusals carry RFC 6750's
/// <c>WWW-Authenticate</c> header, so Livescale knows to ask <c>/oauth/token</c> again.
/// </summary>
internal sealed class LivescaleAccessFilter : IEndpointFilter
{
    public const string ReadScope = "shopping:read";
    public const string WriteScope = "shopping:write";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ChannelOf(http) is not { } channel)
        {
            return UnknownChannel(http);
        }

        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<LivescaleFrontDoorOptions>>().CurrentValue;
        if (http.Request.Headers.Authorization.Count == 0)
        {
            return Challenge(http, StatusCodes.Status401Unauthorized, null, "invalid_request", "An Authorization: Bearer access token from this base URL's /oauth/token is required.");
        }

        // A token that cannot be checked (store or authority down) throws out of here: the outage exception
        // handler answers 503 without telling Livescale to throw its token away.
        var result = await http.AuthenticateAsync();
        if (!result.Succeeded || result.Principal.FindFirst("client_id")?.Value is not { Length: > 0 } clientId)
        {
            return Challenge(http, StatusCodes.Status401Unauthorized, "invalid_token", "invalid_token", "The access token is missing, invalid or expired; request a new one at /oauth/token.");
        }

        if (!result.Principal.FindAll("aud").Any(a => a.Value == options.Audience))
        {
            return Challenge(http, StatusCodes.Status401Unauthorized, "invalid_token", "invalid_token", $"The access token is not for the audience '{options.Audience}'; request one with audience={options.Audience}.");
        }

        var scope = HttpMethods.IsGet(http.Request.Method) ? ReadScope : WriteScope;
        if (!Scopes(result.Principal).Contains(scope))
        {
            return Challenge(http, StatusCodes.Status403Forbidden, "insufficient_scope", "insufficient_scope", $"This call needs the scope '{scope}'.", scope);
        }

        var tokenId = result.Principal.FindFirst("jti")?.Value ?? clientId;
        var expires = long.TryParse(result.Principal.FindFirst("exp")?.Value, System.Globalization.CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1);
        new LivescaleCaller(new ClientContext(clientId), tokenId, expires, channel).Attach(http);
        return await next(context);
    }

    /// <summary>The base URL's channel when it is a commerce channel (loyalty programs sell nothing).</summary>
    public static Channel? ChannelOf(HttpContext http)
    {
        var name = http.Request.RouteValues["channel"] as string;
        var registry = http.RequestServices.GetRequiredService<IChannelRegistry>();
        if (name is null || !registry.TryGetChannel(name, out var channel))
        {
            return null;
        }

        try
        {
            _ = registry.GetCommerceBackend(channel.Name);
            return channel;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    public static IResult UnknownChannel(HttpContext http) =>
        LivescaleErrors.Error(StatusCodes.Status404NotFound, "not_found", $"There is no commerce channel named '{http.Request.RouteValues["channel"]}'.");

    private static HashSet<string> Scopes(ClaimsPrincipal principal) =>
        principal.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    private static IResult Challenge(HttpContext http, int status, string? error, string code, string message, string? scope = null)
    {
        // RFC 6750 section 3: no error attribute when the request had no credentials at all.
        var challenge = "Bearer realm=\"livescale\"";
        if (error is not null)
        {
            challenge += $", error=\"{error}\", error_description=\"{message.Replace("\"", "'", StringComparison.Ordinal)}\"";
        }

        if (scope is not null)
        {
            challenge += $", scope=\"{scope}\"";
        }

        http.Response.Headers.WWWAuthenticate = challenge;
        return LivescaleErrors.Error(status, code, message);
    }
}
