using CommerceGateway.Adapters.State;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// A state store outage met before the front door's endpoints run (the bearer check reads the revoked
/// tokens there) is the error model's 503 on <c>/livescale/...</c> too, not the pipeline's 500.
/// </summary>
internal static class LivescaleOutageMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/livescale", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (StateStoreUnavailableException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "1";
            await LivescaleErrors.Error(StatusCodes.Status503ServiceUnavailable, "state_store_unavailable", "The gateway's state store is unavailable; retry shortly.").ExecuteAsync(context);
        }
    }
}
