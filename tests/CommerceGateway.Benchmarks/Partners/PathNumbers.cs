namespace CommerceGateway.Benchmarks.Partners;

/// <summary>Everything measured on one path (direct, gateway or nginx) over all rounds.</summary>
internal sealed class PathNumbers(LoadTarget target)
{
    public LoadTarget Target { get; } = target;

    /// <summary>wrk's closed-loop maximum, one per round, in round order.</summary>
    public List<WrkResult> Maximum { get; } = [];

    /// <summary>CPU per request of each closed-loop round, in round order (the direct path has no proxy: its proxy is the upstream).</summary>
    public List<CpuPerRequest> Cpu { get; } = [];

    /// <summary>The open-loop runs, one entry per fixed rate in the order the rates were run.</summary>
    public List<FixedRateNumbers> FixedRates { get; } = [];

    public double MedianRps => Median(Maximum.Select(m => m.RequestsPerSecond));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>This path's proxy CPU per request over <paramref name="reference"/>'s in the same round, per round.</summary>
    public IEnumerable<double> CpuRatiosTo(PathNumbers reference) =>
        Cpu.Zip(reference.Cpu, (ours, theirs) => ours.ProxyMicroseconds / theirs.ProxyMicroseconds);

    /// <summary>This path's rate over the direct path's in the same round, per round.</summary>
    public IEnumerable<double> RatiosTo(PathNumbers direct) =>
        Maximum.Zip(direct.Maximum, (ours, theirs) => ours.RequestsPerSecond / theirs.RequestsPerSecond);
}
