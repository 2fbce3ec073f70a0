using CommerceGateway.Adapters;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>Channels and catalog browsing, so front-ends reach every backend through one service.</summary>
public sealed class CatalogService(IChannelRegistry channels)
{
    /// <summary>Every configured channel, commerce and loyalty, ordered by name.</summary>
    public IReadOnlyList<Channel> GetChannels() => channels.Channels;

    /// <summary>The channel named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Channel? GetChannel(string name) => channels.TryGetChannel(name, out var channel) ? channel : null;

    /// <summary>A page of a channel's products; NOT_SUPPORTED when its backend has no product catalog.</summary>
    public Task<CheckoutResult<CatalogPage<Product>>> GetProductsAsync(string channel, CatalogQuery query, CancellationToken cancellationToken) =>
        BrowseAsync(channel, query, (backend, q, ct) => backend.GetProductsAsync(q, ct), cancellationToken);

    /// <summary>A page of a channel's events with their sessions; NOT_SUPPORTED when its backend sells no events.</summary>
    public Task<CheckoutResult<CatalogPage<EventListing>>> GetEventsAsync(string channel, CatalogQuery query, CancellationToken cancellationToken) =>
        BrowseAsync(channel, query, (backend, q, ct) => backend.GetEventsAsync(q, ct), cancellationToken);

    /// <summary>The seat map of an event session; NOT_SUPPORTED when the backend has no seat selection.</summary>
    public async Task<CheckoutResult<SeatMap>> GetSeatMapAsync(string channel, string sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sessionId))
        {
            return CheckoutResult.Fail<SeatMap>(CommerceErrorCodes.InvalidInput, "A session id is required.", "sessionId");
        }

        return await BrowseAsync(channel, sessionId, (backend, id, ct) => backend.GetSeatMapAsync(id, ct), cancellationToken);
    }

    private async Task<CheckoutResult<T>> BrowseAsync<TQuery, T>(string channel, TQuery query, Func<CommerceBackend, TQuery, CancellationToken, Task<T>> browse, CancellationToken cancellationToken)
    {
        if (query is CatalogQuery { Limit: < 1 or > 100 })
        {
            return CheckoutResult.Fail<T>(CommerceErrorCodes.InvalidInput, "Ask for 1 to 100 items.", "first");
        }

        if (query is CatalogQuery { Offset: < 0 })
        {
            return CheckoutResult.Fail<T>(CommerceErrorCodes.InvalidInput, "The offset must not be negative.", "offset");
        }

        if (!channels.TryGetChannel(channel, out var found) || channels.TryGetBackend(found) is not { } backend)
        {
            return CheckoutResult.Fail<T>(CheckoutErrorCodes.NotFound, $"There is no commerce channel named '{channel}'.", "channel");
        }

        try
        {
            return CheckoutResult.Ok(await browse(backend, query, cancellationToken));
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<T>(e);
        }
    }
}
