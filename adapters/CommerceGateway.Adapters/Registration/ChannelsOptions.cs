namespace CommerceGateway.Adapters;

/// <summary>Every configured channel, keyed by name (the <c>Channels:</c> configuration section).</summary>
public sealed class ChannelsOptions
{
    /// <summary>The channels by name.</summary>
    public IDictionary<string, ChannelOptions> Channels { get; } = new Dictionary<string, ChannelOptions>(StringComparer.OrdinalIgnoreCase);
}
