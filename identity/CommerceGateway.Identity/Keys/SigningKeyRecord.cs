namespace CommerceGateway.Identity;

/// <summary>A persisted signing key. It holds private key material: stores must keep it from other readers.</summary>
/// <param name="KeyId">The <c>kid</c> (the RFC 7638 thumbprint of the public key).</param>
/// <param name="Algorithm">The JWS algorithm, <c>ES256</c> or <c>RS256</c>.</param>
/// <param name="CreatedAt">When the key was made.</param>
/// <param name="ActivatesAt">When the key starts signing; it is published in JWKS from <paramref name="CreatedAt"/> on.</param>
/// <param name="PrivateKeyPem">The PKCS#8 private key, PEM encoded.</param>
public sealed record SigningKeyRecord(
    string KeyId,
    string Algorithm,
    DateTimeOffset CreatedAt,
    DateTimeOffset ActivatesAt,
    string PrivateKeyPem)
{
    /// <summary>Leaves the private key out, so a record can never leak into logs.</summary>
    /// <returns>The key id, algorithm and times.</returns>
    public override string ToString() => $"SigningKeyRecord {{ KeyId = {KeyId}, Algorithm = {Algorithm}, CreatedAt = {CreatedAt:O}, ActivatesAt = {ActivatesAt:O} }}";
}
