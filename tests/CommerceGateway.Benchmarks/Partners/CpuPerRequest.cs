namespace CommerceGateway.Benchmarks.Partners;

/// <summary>CPU time per answered request over one closed-loop run: the path's proxy and the shared upstream.</summary>
internal sealed record CpuPerRequest(double ProxyMicroseconds, double UpstreamMicroseconds);
