using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Clients;

/// <summary>One public key a client signs its <c>private_key_jwt</c> assertions with, and the algorithms it may use.</summary>
internal sealed record ClientAssertionKey(string KeyId, SecurityKey Key, IReadOnlySet<string> Algorithms);
