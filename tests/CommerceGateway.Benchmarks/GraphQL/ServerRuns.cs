namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>One server's measured rounds, added up: total requests over total time, latency averaged and worst p99.</summary>
internal sealed class ServerRuns(string name, string description)
{
    private readonly List<WrkResult> _rounds = [];

    public string Name { get; } = name;

    public string Description { get; } = description;

    public IReadOnlyList<WrkResult> Rounds => _rounds;

    public double RequestsPerSecond => _rounds.Sum(r => r.Requests) / _rounds.Sum(r => r.Seconds);

    public double LatencyAverageMs => _rounds.Average(r => r.LatencyAverageMs);

    public double LatencyP50Ms => _rounds.Average(r => r.LatencyP50Ms);

    public double LatencyP99Ms => _rounds.Max(r => r.LatencyP99Ms);

    public void Add(WrkResult result) => _rounds.Add(result);
}
