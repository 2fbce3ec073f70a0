using System.Globalization;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceGateway.Gateway.Operations.Readiness;

/// <summary>Ready only while the state store answers: carts, holds, keys and revocations live there.</summary>
internal sealed class StateStoreHealthCheck(IStateStoreProbe probe) : IHealthCheck
{
    public const string Name = "state-store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["store"] = probe.Kind };
        try
        {
            var elapsed = await probe.PingAsync(cancellationToken).ConfigureAwait(false);
            data["pingMs"] = Math.Round(elapsed.TotalMilliseconds, 1);
            return HealthCheckResult.Healthy(
                string.Create(CultureInfo.InvariantCulture, $"The {probe.Kind} state store answered in {elapsed.TotalMilliseconds:0.0} ms."),
                data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception itself is not passed on: its message may name hosts and ports, and the
            // report is readable by anyone who can reach /readyz. The store logged the details.
            return HealthCheckResult.Unhealthy($"The {probe.Kind} state store is unreachable.", data: data);
        }
    }
}
