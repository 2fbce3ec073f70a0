using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// Access tokens of the client-credentials token endpoint: opaque random strings valid one hour
/// on the sandbox clock, each bound to its client's channel.
/// </summary>
internal sealed class BookingTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (string ChannelId, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    public static BookingClient? Authenticate(string? clientId, string? clientSecret) =>
        BookingSeed.Clients.FirstOrDefault(c =>
            string.Equals(c.ClientId, clientId, StringComparison.Ordinal)
            && clientSecret is not null
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(c.ClientSecret), System.Text.Encoding.UTF8.GetBytes(clientSecret)));

    public string Issue(BookingClient client)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = time.GetUtcNow();
        _tokens[token] = (client.ChannelId, now + Lifetime);
        foreach (var stale in _tokens.Where(t => t.Value.ExpiresAt <= now).Select(t => t.Key).ToList())
        {
            _tokens.TryRemove(stale, out _);
        }

        return token;
    }

    /// <summary>The channel the token acts for, or null when it is unknown or expired.</summary>
    public string? ChannelOf(string token) =>
        _tokens.TryGetValue(token, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.ChannelId : null;
}
