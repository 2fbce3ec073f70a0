using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Security;

/// <summary>
/// Identity's used client-assertion ids on the shared state store, so a private_key_jwt assertion
/// authenticates once whichever replica receives it (Redis), or once in this process (in memory). An
/// outage of the store reaches identity as <see cref="IdentityStoreUnavailableException"/> (503).
/// </summary>
internal sealed class StateStoreUsedAssertionStore(IUsedTokenIdStore store) : IUsedAssertionStore
{
    public async Task<bool> TryRecordAsync(string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            return await store.TryUseAsync(assertionId, expiresAt, cancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreUnavailableException e)
        {
            throw new IdentityStoreUnavailableException(e.Message, e);
        }
    }
}
