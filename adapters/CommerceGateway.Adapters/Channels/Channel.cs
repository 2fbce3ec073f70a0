using System.Collections.Immutable;

namespace CommerceGateway.Adapters;

/// <summary>A configured backend instance: which adapter speaks to it, where, and what it can do.</summary>
public sealed record Channel
{
    /// <summary>The channel's name (its key under <c>Channels:</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The adapter kind, e.g. "livescale".</summary>
    public required string AdapterKind { get; init; }

    /// <summary>The backend's base URL, ending with '/'.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>What the backend can do.</summary>
    public required ChannelCapabilities Capabilities { get; init; }

    /// <summary>The default currency of carts on this channel.</summary>
    public CurrencyCode? DefaultCurrency { get; init; }

    /// <summary>Adapter-specific settings (not secret).</summary>
    public ImmutableDictionary<string, string> Settings { get; init; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets for the backend.</summary>
    public ChannelCredentials Credentials { get; init; } = ChannelCredentials.None;

    /// <summary>Timeouts, retries and circuit breaking for calls to the backend.</summary>
    public ChannelResilienceOptions Resilience { get; init; } = new();

    /// <summary>The loyalty channel whose program this channel's orders earn in, if any.</summary>
    public string? LoyaltyChannel { get; init; }

    /// <summary>True when the channel has every capability in <paramref name="capability"/>.</summary>
    public bool Supports(ChannelCapabilities capability) => (Capabilities & capability) == capability;

    /// <summary>The setting <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public string? Setting(string name, string? fallback = null) => Settings.GetValueOrDefault(name, fallback!);
}
