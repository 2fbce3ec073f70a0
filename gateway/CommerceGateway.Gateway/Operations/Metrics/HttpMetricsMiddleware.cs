using System.Diagnostics;

namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>
/// Counts and times every request by method, route template (never the raw path, whose ids
/// would make a series per cart) and status class.
/// </summary>
internal static class HttpMetricsMiddleware
{
    /// <summary>The route label of requests no endpoint matched (404s, probes for random paths).</summary>
    public const string Unmatched = "unmatched";

    private static readonly HashSet<string> KnownMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
    };

    public static IApplicationBuilder UseHttpMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<GatewayMetrics>();
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var statusCode = StatusCodes.Status500InternalServerError;
            try
            {
                await next(context).ConfigureAwait(false);
                statusCode = context.Response.StatusCode;
            }
            finally
            {
                // Routing has run by now (the host adds it first), so the endpoint names the template.
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
                var method = KnownMethods.Contains(context.Request.Method) ? context.Request.Method.ToUpperInvariant() : "OTHER";
                metrics.RequestCompleted(method, route, statusCode, Stopwatch.GetElapsedTime(started));
            }
        });
    }
}
