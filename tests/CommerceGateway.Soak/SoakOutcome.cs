using CommerceGateway.Soak.Invariants;

namespace CommerceGateway.Soak;

/// <summary>A soak's verdicts and figures.</summary>
/// <param name="Settings">What ran.</param>
/// <param name="Invariants">Each invariant's verdict.</param>
/// <param name="Elapsed">How long buyers ran, draining included.</param>
/// <param name="Checkouts">Orders confirmed to buyers, by channel.</param>
/// <param name="Latencies">p50 and p99 in milliseconds and the call count, by operation.</param>
/// <param name="ErrorsByCode">Errors callers saw, by code.</param>
/// <param name="Faults">Faults injected, with the time to recover from each.</param>
public sealed record SoakOutcome(
    SoakSettings Settings,
    IReadOnlyList<InvariantResult> Invariants,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, int> Checkouts,
    IReadOnlyDictionary<string, (double P50, double P99, int Count)> Latencies,
    IReadOnlyDictionary<string, int> ErrorsByCode,
    IReadOnlyList<FaultEvent> Faults)
{
    public int Passed => Invariants.Count(i => i.Passed);

    public int Failed => Invariants.Count(i => !i.Passed);

    public double CheckoutsPerSecond => Checkouts.Values.Sum() / Elapsed.TotalSeconds;
}
