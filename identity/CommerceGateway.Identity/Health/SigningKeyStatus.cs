namespace CommerceGateway.Identity;

/// <summary>The signing keys the token service holds now, for readiness reports. No key material.</summary>
/// <param name="ActiveKeyId">The id of the key that signs new tokens.</param>
/// <param name="Algorithm">The active key's algorithm, e.g. ES256.</param>
/// <param name="PublishedKeys">How many keys are published in JWKS (active, successors and predecessors).</param>
public sealed record SigningKeyStatus(string ActiveKeyId, string Algorithm, int PublishedKeys);
