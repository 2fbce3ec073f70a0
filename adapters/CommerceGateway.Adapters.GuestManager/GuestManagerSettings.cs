using System.Globalization;

namespace CommerceGateway.Adapters.GuestManager;

/// <summary>A channel's Guest Manager settings, read once when its backend is built.</summary>
internal sealed record GuestManagerSettings
{
    public const string ApiKeyCredential = "ApiKey";

    public required string ApiKey { get; init; }

    /// <summary>The payment method payments use; null takes the order's first.</summary>
    public long? PaymentMethodId { get; init; }

    /// <summary>The longest Retry-After the adapter waits out on a 429 before giving up.</summary>
    public TimeSpan RateLimitMaxWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a rate-limited call is sent again.</summary>
    public int RateLimitRetries { get; init; } = 2;

    /// <summary>How long one payment status check keeps polling a processing order.</summary>
    public TimeSpan PaymentPollWindow { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PaymentPollInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PaymentPollMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    public static GuestManagerSettings From(Channel channel) => new()
    {
        ApiKey = channel.Credentials.Require(ApiKeyCredential),
        PaymentMethodId = channel.Setting("PaymentMethodId") is { } method ? long.Parse(method, NumberStyles.None, CultureInfo.InvariantCulture) : null,
        RateLimitMaxWait = Duration(channel, "RateLimitMaxWait", TimeSpan.FromSeconds(5)),
        RateLimitRetries = channel.Setting("RateLimitRetries") is { } retries ? int.Parse(retries, NumberStyles.None, CultureInfo.InvariantCulture) : 2,
        PaymentPollWindow = Duration(channel, "PaymentPollWindow", TimeSpan.FromSeconds(5)),
        PaymentPollInitialDelay = Duration(channel, "PaymentPollInitialDelay", TimeSpan.FromMilliseconds(250)),
        PaymentPollMaxDelay = Duration(channel, "PaymentPollMaxDelay", TimeSpan.FromSeconds(2)),
    };

    private static TimeSpan Duration(Channel channel, string name, TimeSpan fallback) =>
        channel.Setting(name) is { } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
                ? value
                : throw new InvalidOperationException($"Channels:{channel.Name}:Settings:{name} must be a non-negative time span such as 00:00:05 (was '{text}').")
            : fallback;
}
