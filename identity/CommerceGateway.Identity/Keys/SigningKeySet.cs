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
    }

    public SigningKey Active { get; }

    /// <summary>Every key in JWKS: the active one, successors published ahead, and predecessors whose tokens live.</summary>
    public IReadOnlyList<SigningKey> Published { get; }

    public IReadOnlyList<SecurityKey> ValidationKeys { get; }
}
