using CommerceGateway.Adapters.State;
using CommerceGateway.Identity;
using StateRevokedTokens = CommerceGateway.Checkout.State.IRevokedTokenStore;

namespace CommerceGateway.Gateway.Security;

/// <summary>
/// Identity's revocation list on the shared state store, so a token revoked through any replica is
/// rejected by every replica (Redis), or by this process (in memory). An outage of the store reaches
/// identity as <see cref="IdentityStoreUnavailableException"/>, which it answers with 503.
/// </summary>
internal sealed class StateStoreRevokedTokenStore(StateRevokedTokens store) : CommerceGateway.Identity.IRevokedTokenStore
{
    public async Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            await store.RevokeAsync(tokenId, expiresAt, cancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreUnavailableException e)
        {
            throw new IdentityStoreUnavailableException(e.Message, e);
        }
    }

    public async Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken)
    {
        try
        {
            return await store.IsRevokedAsync(tokenId, cancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreUnavailableException e)
        {
            throw new IdentityStoreUnavailableException(e.Message, e);
        }
    }
}
