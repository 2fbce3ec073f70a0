namespace CommerceGateway.Gateway.Addressing;

/// <summary>
/// URLs on this gateway itself, written in configuration as a path (<c>/sandbox/booking/</c>): a
/// channel's <c>BaseUrl</c> or a partner cluster's destination <c>Address</c> and <c>Health</c>. They
/// resolve against the address the server listens on (<c>ServerListenAddress</c>), so the in-process
/// sandbox answers on whatever <c>--urls</c> says, a port 0 bind included.
/// </summary>
internal static class SelfAddress
{
    /// <summary>
    /// Stands for the listen address in a channel's base URL until a request is sent (the adapter SDK
    /// wants absolute URLs at start-up, before the server listens). <c>.invalid</c> never resolves
    /// (RFC 6761), so a request that escaped resolution fails instead of reaching another host.
    /// </summary>
    public static readonly Uri Placeholder = new("http://self.invalid/");

    /// <summary>Whether <paramref name="url"/> is a path on this gateway rather than an absolute URL.</summary>
    public static bool IsPath(string? url) => url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal);

    public static bool IsPlaceholder(Uri url) =>
        url.IsAbsoluteUri && string.Equals(url.Host, Placeholder.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path (with its query) on the listen address.</summary>
    public static Uri Resolve(Uri listenAddress, string pathAndQuery) => new(listenAddress, pathAndQuery);
}
