using System.Net;
using CommerceGateway.Gateway.Operations.Prometheus;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>Serves the Prometheus exposition to operators only (see <see cref="GatewayMetricsOptions"/>).</summary>
internal static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayMetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        endpoints.MapGet(options.Path, (HttpContext context, PrometheusCollector collector) =>
            IsOperator(context.Connection, options)
                ? Results.Text(PrometheusText.Write(collector.Families), PrometheusText.ContentType)
                : Results.NotFound())
            .WithName("Metrics")
            .WithTags("Operations")
            .ExcludeFromDescription();
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
}
