using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>
/// Access tokens: opaque random strings valid one hour on the sandbox clock, each bound to the
/// account of the client that asked for it. Tests can revoke them to exercise the 401 path.
/// </summary>
internal sealed class SpendgoTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (string AccountId, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    public static SpendgoClient? Authenticate(string? clientId, string? clientSecret) =>
        SpendgoSeed.Clients.FirstOrDefault(c =>
            string.Equals(c.ClientId, clientId, StringComparison.Ordinal)
            && clientSecret is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(c.ClientSecret), Encoding.UTF8.GetBytes(clientSecret)));

    public string Issue(SpendgoClient client)
    {
        var token = "sgat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = time.GetUtcNow();
        _tokens[token] = (client.AccountId, now + Lifetime);
        foreach (var stale in _tokens.Where(t => t.Value.ExpiresAt <= now).Select(t => t.Key).ToList())
        {
            _tokens.TryRemove(stale, out _);
        }

        return token;
    }

    /// <summary>The account the token acts for, or null when it is unknown or expired.</summary>
    public string? AccountOf(string token) =>
        _tokens.TryGetValue(token, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.AccountId : null;

    /// <summary>Forgets every token (sandbox admin), as a key rotation would.</summary>
    public int RevokeAll()
    {
        var count = _tokens.Count;
        _tokens.Clear();
        return count;
    }
}
