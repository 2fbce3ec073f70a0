namespace CommerceGateway.Adapters;

/// <summary>One channel as written in configuration under <c>Channels:{name}</c>.</summary>
public sealed class ChannelOptions
{
    /// <summary>The adapter kind (required), e.g. "livescale".</summary>
    public string? Adapter { get; set; }

    /// <summary>The backend's absolute http(s) base URL (required).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Capability names; when omitted, the adapter's defaults apply.</summary>
    public IList<string>? Capabilities { get; set; }

    /// <summary>Default ISO 4217 currency of carts.</summary>
    public string? Currency { get; set; }

    /// <summary>Adapter-specific settings.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets for the backend.</summary>
    public IDictionary<string, string> Credentials { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Name of the loyalty channel whose program this channel's orders earn in.</summary>
    public string? Loyalty { get; set; }

    /// <summary>Timeouts, retries and circuit breaking; unset values keep their defaults.</summary>
    public ChannelResilienceSettings Resilience { get; } = new();
}
