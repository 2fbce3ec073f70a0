namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>One server's measured rounds, added up: total requests over total time, latency averaged and worst p99.</summary>
internal sealed class ServerRuns(string name, string description)
{
    private readonly List<WrkResult> _rounds = [];
    private readonly List<double> _cpu = [];

    public string Name { get; } = name;

    public string Description { get; } = description;

    public IReadOnlyList<WrkResult> Rounds => _rounds;

    public double RequestsPerSecond => _rounds.Sum(r => r.Requests) / _rounds.Sum(r => r.Seconds);

    public double LatencyAverageMs => _rounds.Average(r => r.LatencyAverageMs);

    public double LatencyP50Ms => _rounds.Average(r => r.LatencyP50Ms);

    public double LatencyP99Ms => _rounds.Max(r => r.LatencyP99Ms);

    /// <summary>The serving process's CPU time (user + system) per answered request, per round.</summary>
    public IReadOnlyList<double> CpuMicrosecondsPerRequest => _cpu;

    public double CpuMedian => Median(_cpu);

    public void Add(WrkResult result, TimeSpan cpu)
    {
        _rounds.Add(result);
        _cpu.Add(cpu.TotalMicroseconds / Math.Max(1, result.Requests));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
