using System.Net;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>
/// Serves OpenTelemetry's Prometheus exporter to operators only (see <see cref="GatewayMetricsOptions"/>):
/// everyone else gets the 404 of a path that does not exist.
/// </summary>
internal static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayMetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        endpoints.MapPrometheusScrapingEndpoint(
                options.Path,
                meterProvider: null,
                configureBranchedPipeline: branch => branch.Use((context, next) => IsOperator(context.Connection, options) ? next(context) : NotFound(context)),
                optionsName: null)
            .WithName("Metrics")
            .WithDisplayName("Metrics");
        return endpoints;
    }

    /// <summary>
    /// By the connection, never by headers: a Host or X-Forwarded-For header is whatever the caller
    /// wrote, while the local port and the peer address are facts of the socket.
    /// </summary>
    private static bool IsOperator(ConnectionInfo connection, GatewayMetricsOptions options) =>
        options.Port is { } port
            ? connection.LocalPort == port
            : connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);

    // No body: the status-code pages write the same one as for any unknown path.
    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
