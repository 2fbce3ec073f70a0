using CommerceGateway.Adapters;
using CommerceGateway.Adapters.State;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.OneBox;

/// <summary>
/// The gateway-wide mirror of the backend's seat locks in <see cref="ISeatHoldStore"/>. The holder
/// is the cart id; seat ids are namespaced <c>{channel}:{sessionId}:{seatId}</c> so channels and
/// sessions never collide.
/// </summary>
internal sealed class BookingSeatHolds(Channel channel, ISeatHoldStore store, ILogger logger)
{
    public static string Key(string channelName, string sessionId, string seatId) => $"{channelName}:{sessionId}:{seatId}";

    public string Key(string sessionId, string seatId) => Key(channel.Name, sessionId, seatId);

    /// <summary>Holds the seats for the cart, or refuses with SeatTaken naming the seats another cart holds.</summary>
    public async Task AcquireAsync(string cartId, IReadOnlyCollection<(string SessionId, string SeatId)> seats, CancellationToken cancellationToken)
    {
        var keys = seats.Select(s => Key(s.SessionId, s.SeatId)).ToList();
        var result = await store.AcquireAsync(cartId, keys, BookingSettings.CartHold(channel), cancellationToken);
        if (!result.Acquired)
        {
            var taken = string.Join(", ", result.ConflictingSeatIds.Select(SeatIdOf));
            BookingLog.SeatsTaken(logger, channel.Name, cartId, taken);
            throw new BackendRejectedException(channel.Name, CommerceErrorCodes.SeatTaken, $"Seat {taken} is held for another cart.", field: "seatIds");
        }
    }

    /// <summary>Moves every hold of the cart to now plus <paramref name="ttl"/>; returns the deadline per key.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ExtendAsync(string cartId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var extended = await store.ExtendAsync(cartId, null, ttl, cancellationToken);
        if (extended.Count > 0)
        {
            var earliest = extended.Min(h => h.ExpiresAt);
            BookingLog.HoldsExtended(logger, channel.Name, cartId, extended.Count, earliest);
        }

        return extended.ToDictionary(h => h.SeatId, h => h.ExpiresAt, StringComparer.Ordinal);
    }

    /// <summary>The cart's current holds, deadline per key.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> CurrentAsync(string cartId, CancellationToken cancellationToken) =>
        (await store.GetHoldsAsync(cartId, cancellationToken)).ToDictionary(h => h.SeatId, h => h.ExpiresAt, StringComparer.Ordinal);

    /// <summary>Releases the given seats of the cart, or all of them.</summary>
    public async Task ReleaseAsync(string cartId, IReadOnlyCollection<(string SessionId, string SeatId)>? seats, string reason, CancellationToken cancellationToken)
    {
        if (seats is { Count: 0 })
        {
            return;
        }

        await store.ReleaseAsync(cartId, seats?.Select(s => Key(s.SessionId, s.SeatId)).ToList(), cancellationToken);
        BookingLog.HoldsReleased(logger, channel.Name, cartId, reason);
    }

    private static string SeatIdOf(string key) => key[(key.LastIndexOf(':') + 1)..];
}
