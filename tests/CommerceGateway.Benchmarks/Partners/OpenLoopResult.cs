namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// One constant-rate run: latencies measured from each request's intended send time, how late the
/// generator itself sent (its own floor), and what was actually completed. <see cref="Failed"/>
/// counts answers other than 200 and requests still unanswered when the run's drain time ran out.
/// </summary>
internal sealed record OpenLoopResult(long[] LatencyTicks, long[] LagTicks, long Sent, long Failed, TimeSpan Elapsed)
{
    public double AchievedRate => (Sent - Failed) / Elapsed.TotalSeconds;
}
