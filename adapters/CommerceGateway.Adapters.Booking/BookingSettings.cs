using System.Globalization;
using CommerceGateway.Adapters;

namespace CommerceGateway.Adapters.OneBox;

/// <summary>The channel settings and credentials the booking adapter reads, with their defaults.</summary>
internal static class BookingSettings
{
    /// <summary>Credential: the OAuth2 client id.</summary>
    public const string ClientId = "ClientId";

    /// <summary>Credential: the OAuth2 client secret.</summary>
    public const string ClientSecret = "ClientSecret";

    /// <summary>Setting: the token endpoint, relative to the base URL. Default <c>oauth/token</c>.</summary>
    public const string TokenPath = "TokenPath";

    /// <summary>Setting: the delivery method sent at checkout. Default <c>EMAIL</c> (electronic tickets, no cost).</summary>
    public const string DeliveryType = "DeliveryType";

    /// <summary>Setting: minutes the backend locks a cart's seats after its last change. Default 10.</summary>
    public const string CartHoldMinutes = "CartHoldMinutes";

    /// <summary>Setting: minutes createOrder extends the lock to. Default 45.</summary>
    public const string OrderHoldMinutes = "OrderHoldMinutes";

    public static TimeSpan CartHold(Channel channel) => Minutes(channel, CartHoldMinutes, 10);

    public static TimeSpan OrderHold(Channel channel) => Minutes(channel, OrderHoldMinutes, 45);

    private static TimeSpan Minutes(Channel channel, string name, int fallback) =>
        channel.Setting(name) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
                ? TimeSpan.FromMinutes(minutes)
                : throw new InvalidOperationException($"Channel '{channel.Name}': setting {name} must be a positive whole number of minutes, not '{text}'.")
            : TimeSpan.FromMinutes(fallback);
}
