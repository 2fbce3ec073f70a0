namespace CommerceGateway.Benchmarks.SeatHolds;

/// <summary>What redis-benchmark measured against the same server.</summary>
internal sealed record RawNumbers(
    string AcquireCommand,
    double AcquirePerSecond,
    string ReleaseCommand,
    double ReleasePerSecond,
    double SetPerSecond,
    double GetPerSecond,
    int Pipeline,
    double PipelinedAcquirePerSecond,
    double PipelinedReleasePerSecond)
{
    /// <summary>Acquire+release pairs per second if each pair runs one acquire and then one release: 1 / (1/A + 1/R).</summary>
    public double PairsPerSecond => PairRate(AcquirePerSecond, ReleasePerSecond);

    /// <summary>The same with redis-benchmark pipelining: the server's ceiling for these scripts.</summary>
    public double PipelinedPairsPerSecond => PairRate(PipelinedAcquirePerSecond, PipelinedReleasePerSecond);

    private static double PairRate(double acquire, double release) => 1 / ((1 / acquire) + (1 / release));
}
