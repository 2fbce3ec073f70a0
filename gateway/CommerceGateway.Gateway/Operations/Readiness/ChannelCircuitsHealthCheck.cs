using CommerceGateway.Adapters;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceGateway.Gateway.Operations.Readiness;

/// <summary>
/// Reports each channel's circuit. An open circuit makes the gateway Degraded, not unready: the
/// backend is down for every replica alike, so taking replicas out of the load balancer would only
/// add an outage of the healthy channels to it.
/// </summary>
internal sealed class ChannelCircuitsHealthCheck(IChannelRegistry channels) : IHealthCheck
{
    public const string Name = "channels";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var notClosed = new List<string>();
        foreach (var channel in channels.Channels)
        {
            var state = channels.GetCircuitState(channel.Name);
            data[channel.Name] = Describe(state);
            if (state != BackendCircuitState.Closed)
            {
                notClosed.Add($"{channel.Name} ({Describe(state)})");
            }
        }

        var result = notClosed.Count == 0
            ? HealthCheckResult.Healthy($"{data.Count} channel circuit(s) closed.", data)
            : HealthCheckResult.Degraded($"Circuit not closed for: {string.Join(", ", notClosed)}.", data: data);
        return Task.FromResult(result);
    }

    private static string Describe(BackendCircuitState state) => state switch
    {
        BackendCircuitState.Open => "open",
        BackendCircuitState.HalfOpen => "half-open",
        BackendCircuitState.Isolated => "isolated",
        _ => "closed",
    };
}
