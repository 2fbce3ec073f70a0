using System.Security.Cryptography;
using CommerceGateway.Identity.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Benchmarks;

/// <summary>The reference: JsonWebTokenHandler signing the same claims with the server's own persisted key.</summary>
internal sealed class RawSigner
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;

    private RawSigner(SigningKey key)
    {
        _credentials = new SigningCredentials(key.SecurityKey, key.Algorithm);
        Algorithm = key.Algorithm;
    }

    public string Algorithm { get; }

    public static async Task<RawSigner> CreateAsync(IssuanceServer server)
    {
        var records = await new FileSigningKeyStore(Path.Combine(server.DataDirectory, "keys")).GetKeysAsync(CancellationToken.None).ConfigureAwait(false);
        return new RawSigner(SigningKey.Load(records.Single()));
    }

    public Task<bool> SignAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://127.0.0.1",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            TokenType = "at+jwt",
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = IssuanceServer.ClientId,
                ["client_id"] = IssuanceServer.ClientId,
                ["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
                ["aud"] = "partners",
                ["scope"] = "partners:read",
            },
        });
        return Task.FromResult(token.Length > 200);
    }
}
