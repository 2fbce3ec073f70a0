using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Keys;

/// <summary>An immutable view of the keys at one moment: the one that signs and those that verify.</summary>
internal sealed class SigningKeySet
{
    public SigningKeySet(SigningKey active, IReadOnlyList<SigningKey> published)
    {
        Active = active;
        Published = published;
        ValidationKeys = [.. published.Select(k => (SecurityKey)k.SecurityKey)];
        JwksJson = WriteJwks(published);
    }

    public SigningKey Active { get; }

    /// <summary>Every key in JWKS: the active one, successors published ahead, and predecessors whose tokens live.</summary>
    public IReadOnlyList<SigningKey> Published { get; }

    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    /// <summary>The JWKS document (RFC 7517), UTF-8, public members only.</summary>
    public byte[] JwksJson { get; }

    private static byte[] WriteJwks(IReadOnlyList<SigningKey> keys)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in key.PublicJwk)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteString("use", "sig");
                writer.WriteString("alg", key.Algorithm);
                writer.WriteString("kid", key.KeyId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
