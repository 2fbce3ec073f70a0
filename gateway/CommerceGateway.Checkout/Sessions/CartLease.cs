using CommerceGateway.Adapters.State;

namespace CommerceGateway.Checkout;

/// <summary>A held cart lock; disposing releases it.</summary>
internal sealed class CartLease(ISeatHoldStore holds, string holder, string lockId) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        // Released even when the request was cancelled: the change is over either way.
        await holds.ReleaseAsync(holder, [lockId], CancellationToken.None);
    }
}
