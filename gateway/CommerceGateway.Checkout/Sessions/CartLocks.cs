using CommerceGateway.Adapters.State;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout;

/// <summary>
/// Serializes changes of one cart across every replica. The lock is a hold in the shared
/// seat-hold store, whose acquisition is atomic and whose TTL frees a lock left by a crashed
/// replica; the session's version check stays as a second line of defence.
/// </summary>
internal sealed class CartLocks(ISeatHoldStore holds, IOptions<CheckoutOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// The cart's lock, or null when another change kept it past the wait (<see cref="CheckoutOptions.CartLockWait"/>
    /// unless <paramref name="wait"/> is given; zero tries once).
    /// </summary>
    public async Task<CartLease?> TryAcquireAsync(string cartId, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        // Group "cart:{id}" (the text before the last ':'): each cart's lock has its own fencing
        // counter and hash slot instead of every cart sharing one.
        var lockId = "cart:" + cartId + ":lock";
        var holder = SecureIds.New("lease");
        var deadline = time.GetUtcNow() + (wait ?? options.Value.CartLockWait);
        while (true)
        {
            var result = await holds.AcquireAsync(holder, [lockId], options.Value.CartLockLifetime, cancellationToken);
            if (result.Acquired)
            {
                return new CartLease(holds, holder, lockId);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(RetryInterval, time, cancellationToken);
        }
    }
}
