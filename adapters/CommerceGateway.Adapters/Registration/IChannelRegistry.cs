namespace CommerceGateway.Adapters;

/// <summary>The configured channels and their backends.</summary>
public interface IChannelRegistry
{
    /// <summary>Every configured channel, commerce and loyalty, ordered by name.</summary>
    IReadOnlyList<Channel> Channels { get; }

    /// <summary>The channel named <paramref name="name"/> (case-insensitive), or false.</summary>
    bool TryGetChannel(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Channel? channel);

    /// <summary>The commerce backend of a channel.</summary>
    /// <exception cref="KeyNotFoundException">No commerce channel has that name.</exception>
    CommerceBackend GetCommerceBackend(string channel);

    /// <summary>The loyalty backend of a loyalty channel.</summary>
    /// <exception cref="KeyNotFoundException">No loyalty channel has that name.</exception>
    LoyaltyBackend GetLoyaltyBackend(string channel);

    /// <summary>The circuit state of a channel's backend calls.</summary>
    BackendCircuitState GetCircuitState(string channel);
}
