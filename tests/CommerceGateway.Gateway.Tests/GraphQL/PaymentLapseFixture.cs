using System.Globalization;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// Two gateway replicas on one real redis-server and one sandbox, with a payment claim that lapses a
/// little after the backends are given up on (<see cref="TotalTimeout"/>): a charge whose answer the
/// sandbox holds back (<see cref="AnswerLate"/>) times out, and a retry after the lapse, on the other
/// replica, is what a buyer's second click would be.
/// </summary>
public sealed class PaymentLapseFixture() : GatewayReplicasFixture<RedisServer>("lapse:", LapseSettings())
{
    /// <summary>How long a payment's claim keeps its key from being retried.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(5);

    /// <summary>The longest any backend call may take here, retries included; loose enough for a loaded machine.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(4);

    /// <summary>How long the sandbox holds back an answer: past every channel's total timeout here.</summary>
    public static readonly TimeSpan AnswerLate = TimeSpan.FromSeconds(6);

    /// <summary>Waits until a claim begun at <paramref name="begun"/> has lapsed.</summary>
    public static Task ClaimLapsedAsync(System.Diagnostics.Stopwatch begun)
    {
        var left = ClaimLifetime + TimeSpan.FromMilliseconds(300) - begun.Elapsed;
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }

    private static Dictionary<string, string?> LapseSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Checkout:PaymentClaimLifetime"] = ClaimLifetime.ToString("c", CultureInfo.InvariantCulture),
        };
        foreach (var channel in new[] { CommerceGatewayHost.OrderFlow, CommerceGatewayHost.GuestManager, CommerceGatewayHost.Booking, CommerceGatewayHost.Livescale })
        {
            settings[$"Channels:{channel}:Resilience:AttemptTimeout"] = "00:00:03";
            settings[$"Channels:{channel}:Resilience:TotalTimeout"] = TotalTimeout.ToString("c", CultureInfo.InvariantCulture);
            settings[$"Channels:{channel}:Resilience:RetryBaseDelay"] = "00:00:00.010";

            // Faults are set on purpose here; an open circuit would answer "unavailable" for the retries.
            settings[$"Channels:{channel}:Resilience:CircuitBreakerMinimumThroughput"] = "1000";
        }

        return settings;
    }
}
