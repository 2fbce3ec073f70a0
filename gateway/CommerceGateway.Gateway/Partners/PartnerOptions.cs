namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Defaults for every partner route (<c>Gateway:Partners</c>); a route's own <c>Timeout</c> and
/// <c>MaxRequestBodySize</c> win over them.
/// </summary>
internal sealed class PartnerOptions
{
    /// <summary>Requests per client id per window, across every partner route. Default 100.</summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>The rate-limit window. Default one second.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a proxied request may take before the gateway answers 504. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body a partner may send, in bytes. Default 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
