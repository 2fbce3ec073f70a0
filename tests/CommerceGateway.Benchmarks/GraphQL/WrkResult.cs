namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>What one wrk run measured.</summary>
internal sealed record WrkResult(long Requests, double Seconds, double RequestsPerSecond, double LatencyAverageMs, double LatencyP50Ms, double LatencyP99Ms);
