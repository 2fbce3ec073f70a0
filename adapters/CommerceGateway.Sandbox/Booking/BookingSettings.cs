using System.Collections.Concurrent;

namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// Whether bookings are enabled per promoter and per channel. A booking needs both. Seeded with
/// promoter 501 and channel WEB enabled and channel BOX disabled; changed with the admin endpoints.
/// </summary>
internal sealed class BookingSettings
{
    private readonly ConcurrentDictionary<long, bool> _promoters = new() { [BookingSeed.PromoterId] = true };
    private readonly ConcurrentDictionary<string, bool> _channels = new(StringComparer.OrdinalIgnoreCase)
    {
        [BookingSeed.WebChannel] = true,
        [BookingSeed.BoxOfficeChannel] = false,
    };

    public bool PromoterEnabled(long promoterId) => _promoters.GetValueOrDefault(promoterId);

    public bool ChannelEnabled(string channelId) => _channels.GetValueOrDefault(channelId);

    public void SetPromoter(long promoterId, bool enabled) => _promoters[promoterId] = enabled;

    public void SetChannel(string channelId, bool enabled) => _channels[channelId] = enabled;

    public BookingSettingsView View() => new(
        _promoters.OrderBy(p => p.Key).Select(p => new BookingPromoterSetting(p.Key, p.Value)).ToList(),
        _channels.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new BookingChannelSetting(c.Key, c.Value)).ToList());
}

/// <summary>The admin view of the booking settings.</summary>
internal sealed record BookingSettingsView(IReadOnlyList<BookingPromoterSetting> Promoters, IReadOnlyList<BookingChannelSetting> Channels);

/// <summary>Whether a promoter allows bookings.</summary>
internal sealed record BookingPromoterSetting(long PromoterId, bool BookingsEnabled);

/// <summary>Whether a channel allows bookings.</summary>
internal sealed record BookingChannelSetting(string ChannelId, bool BookingsEnabled);

/// <summary>The body of the admin endpoints that switch bookings on or off.</summary>
internal sealed record BookingEnablement(bool Enabled);
