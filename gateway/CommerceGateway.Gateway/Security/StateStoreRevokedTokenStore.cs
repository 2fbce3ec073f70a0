using StateRevokedTokens = CommerceGateway.Checkout.State.IRevokedTokenStore;

namespace CommerceGateway.Gateway.Security;

/// <summary>
/// Identity's revocation list on the shared state store, so a token revoked through any replica is
/// rejected by every replica (Redis), or by this process (in memory).
/// </summary>
internal sealed class StateStoreRevokedTokenStore(StateRevokedTokens store) : CommerceGateway.Identity.IRevokedTokenStore
{
    public Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        store.RevokeAsync(tokenId, expiresAt, cancellationToken);

    public Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken) =>
        store.IsRevokedAsync(tokenId, cancellationToken);
}
