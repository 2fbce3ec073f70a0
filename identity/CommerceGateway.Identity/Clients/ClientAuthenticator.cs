using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Clients;

/// <summary>
/// Verifies client secrets against their slow hashes. A secret that verified once is remembered as an
/// HMAC under a per-process random key, so a client's later requests cost microseconds instead of a
/// PBKDF2 run; a wrong or new secret always takes the slow path (and the rate limiter).
/// </summary>
internal sealed class ClientAuthenticator
{
    private static readonly Lazy<string> UnknownClientHash = new(() => ClientSecretHasher.Hash("unknown-client"));
    private readonly Dictionary<string, RegisteredClient> _clients;
    private readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);

    public ClientAuthenticator(IOptions<IdentityOptions> options)
    {
        var value = options.Value;
        _clients = value.Clients.ToDictionary(
            pair => pair.Key,
            pair => new RegisteredClient(pair.Key, pair.Value, value.Tokens.AccessTokenLifetime),
            StringComparer.Ordinal);
        MaxAccessTokenLifetime = _clients.Values.Select(c => c.AccessTokenLifetime)
            .Append(value.Tokens.AccessTokenLifetime).Max();
    }

    /// <summary>The longest lifetime any client's tokens have; keys stay published at least this long after retiring.</summary>
    public TimeSpan MaxAccessTokenLifetime { get; }

    public RegisteredClient? Find(string clientId) => _clients.GetValueOrDefault(clientId);

    /// <summary>Whether a secret is already known to be right, without the slow hash.</summary>
    public RegisteredClient? TryVerifyFast(string clientId, string secret)
    {
        if (!_clients.TryGetValue(clientId, out var client) || !_verified.TryGetValue(clientId, out var remembered))
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(client, secret), remembered) ? client : null;
    }

    /// <summary>Verifies with the slow hash; unknown clients cost the same as known ones.</summary>
    public RegisteredClient? VerifySlow(string clientId, string secret)
    {
        if (!_clients.TryGetValue(clientId, out var client))
        {
            ClientSecretHasher.Verify(secret, UnknownClientHash.Value);
            return null;
        }

        // A private_key_jwt client has no secret: a secret presented for it costs the same and fails.
        if (!ClientSecretHasher.Verify(secret, client.SecretHash ?? UnknownClientHash.Value) || client.SecretHash is null)
        {
            return null;
        }

        _verified[clientId] = Mac(client, secret);
        return client;
    }

    private byte[] Mac(RegisteredClient client, string secret)
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(client.SecretHash, "\n", secret));
        return HMACSHA256.HashData(_cacheKey, input);
    }
}
