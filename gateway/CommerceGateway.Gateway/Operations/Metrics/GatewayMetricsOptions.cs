namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>
/// The Prometheus endpoint (<c>Gateway:Metrics</c>). Metrics name routes, clients and channels, so
/// partners must not read them: the endpoint answers only on the management port when one is set,
/// and only to loopback callers otherwise; every other caller gets 404 as if it did not exist.
/// </summary>
internal sealed class GatewayMetricsOptions
{
    public const string SectionName = "Gateway:Metrics";

    /// <summary>Whether <see cref="Path"/> is served at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the exposition is served. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// The management port: when set, the endpoint answers only requests that arrived on this local
    /// port (which the host must also listen on, e.g. <c>Urls</c>, and which must not be exposed to
    /// partners). When unset, only loopback callers (a sidecar, an operator on the box) are answered.
    /// </summary>
    public int? Port { get; set; }
}
