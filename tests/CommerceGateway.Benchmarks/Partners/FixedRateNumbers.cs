namespace CommerceGateway.Benchmarks.Partners;

/// <summary>One path's open-loop runs at one fixed rate, pooled over the rounds.</summary>
internal sealed class FixedRateNumbers
{
    public LatencySamples Latency { get; } = new();

    public LatencySamples SendDelay { get; } = new();

    public long Sent { get; private set; }

    /// <summary>Answers other than 200 plus requests still unanswered when a run's drain time ran out.</summary>
    public long Failed { get; private set; }

    public List<double> AchievedRates { get; } = [];

    public void Add(OpenLoopResult result)
    {
        Latency.AddRange(result.LatencyTicks);
        SendDelay.AddRange(result.LagTicks);
        Sent += result.Sent;
        Failed += result.Failed;
        AchievedRates.Add(result.AchievedRate);
    }
}
