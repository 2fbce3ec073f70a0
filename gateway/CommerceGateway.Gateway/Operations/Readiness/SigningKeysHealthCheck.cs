using CommerceGateway.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceGateway.Gateway.Operations.Readiness;

/// <summary>Ready only when the token service has a key to sign with.</summary>
internal sealed class SigningKeysHealthCheck(SigningKeyReadiness keys) : IHealthCheck
{
    public const string Name = "identity-keys";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await keys.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                $"Signing with key {status.ActiveKeyId} ({status.Algorithm}); {status.PublishedKeys} key(s) published.",
                new Dictionary<string, object> { ["activeKeyId"] = status.ActiveKeyId, ["publishedKeys"] = status.PublishedKeys });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The identity signing keys could not be loaded.");
        }
    }
}
