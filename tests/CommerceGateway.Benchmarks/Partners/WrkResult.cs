namespace CommerceGateway.Benchmarks.Partners;

/// <summary>One wrk run: its command line, rate and the failures that would make the rate meaningless.</summary>
internal sealed record WrkResult(string CommandLine, long Requests, double RequestsPerSecond, long Non2xx, long SocketErrors);
