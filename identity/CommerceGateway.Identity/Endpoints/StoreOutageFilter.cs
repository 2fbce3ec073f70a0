using CommerceGateway.Identity.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>
/// Answers a store outage on the OAuth endpoints as RFC 6749 does for a server that cannot handle
/// the request now: <c>temporarily_unavailable</c>, here with 503 and <c>Retry-After</c> (a token
/// endpoint cannot redirect, so the status carries it). Nothing was issued or revoked for the client
/// to rely on; the request can be repeated as it is.
/// </summary>
internal sealed class StoreOutageFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage && !context.HttpContext.Response.HasStarted)
        {
            var http = context.HttpContext;
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreOutageFilter).FullName!);
            IdentityLog.StoreUnavailable(logger, http.Request.Path.Value ?? string.Empty, outage.Message);
            await OAuthResponses.WriteErrorAsync(http, new OAuthError(
                StatusCodes.Status503ServiceUnavailable,
                "temporarily_unavailable",
                "The authorization server cannot reach its store; retry shortly with the same request.") { RetryAfter = StoreOutage.RetryAfter }).ConfigureAwait(false);
            return Results.Empty;
        }
    }
}
