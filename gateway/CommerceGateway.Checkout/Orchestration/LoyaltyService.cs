using CommerceGateway.Adapters;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// Loyalty: a cart carries a member (or a guest) and at most one reward. Cart changes re-validate the
/// reward; payment drives the lifecycle placed, billed, completed, or voided on failure; a refund in
/// full sends refunded. A loyalty outage never blocks a checkout without a reward; with a reward it
/// is a clear error before payment. After money has moved, a stage the program refuses is owed by the
/// order and retried (see <see cref="LoyaltyFollowUpService"/>); the stored status stays at the last stage it accepted.
/// </summary>
public sealed class LoyaltyService
{
    private readonly IChannelRegistry _channels;
    private readonly CartSessions _carts;
    private readonly LoyaltyStages _stages;

    internal LoyaltyService(IChannelRegistry channels, CartSessions carts, LoyaltyStages stages)
    {
        _channels = channels;
        _carts = carts;
        _stages = stages;
    }

    /// <summary>Attaches a loyalty member (or a guest, when <paramref name="memberId"/> is null) and store to the cart.</summary>
    public Task<CheckoutResult<Cart>> AttachLoyaltyAsync(ClientContext client, string cartId, string? memberId, string storeCode, long? expectedVersion, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(storeCode)
            ? Task.FromResult(CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, "A store code is required.", "storeCode"))
            : _carts.ChangeCartAsync(client, cartId, expectedVersion, (backend, cart, _) =>
                backend.Channel.LoyaltyChannel is { } program
                    ? Task.FromResult(cart with { Loyalty = new LoyaltyAttachment(program, memberId, storeCode) })
                    : Task.FromException<Cart>(new CapabilityNotSupportedException(cart.Channel, ChannelCapabilities.Loyalty, "loyalty")), cancellationToken);

    /// <summary>
    /// Applies a reward: the loyalty backend validates it against the cart and computes the discount,
    /// which the commerce backend then takes off the cart, so the cart's total is what the buyer pays.
    /// A channel whose backend cannot take the discount (no <see cref="ChannelCapabilities.LoyaltyDiscounts"/>)
    /// refuses the reward before the program hears of it.
    /// </summary>
    public Task<CheckoutResult<Cart>> ApplyRewardAsync(ClientContext client, string cartId, string rewardId, long? expectedVersion, CancellationToken cancellationToken) =>
        _carts.ChangeCartAsync(client, cartId, expectedVersion, async (backend, cart, ct) =>
        {
            var loyalty = cart.Loyalty ?? throw new BackendRejectedException(cart.Channel, CommerceErrorCodes.InvalidStep, "Attach a loyalty member to the cart first.", field: "cartId");
            CartRewards.EnsureRewardsSupported(backend);
            if (loyalty.MemberId is null)
            {
                throw new BackendRejectedException(cart.Channel, CommerceErrorCodes.RewardNotApplicable, "Guest orders cannot use rewards.", field: "rewardId");
            }

            if (loyalty.RewardId is { } current && current != rewardId)
            {
                throw new BackendRejectedException(cart.Channel, CommerceErrorCodes.Conflict, "An order takes one reward: remove the current one first.", field: "rewardId");
            }

            var withReward = cart with { Loyalty = loyalty with { RewardId = rewardId } };
            var result = await _stages.SendLoyaltyAsync(withReward, LoyaltyOrderStatus.Checkout, ct);
            var discounted = await CartRewards.SyncLoyaltyDiscountAsync(backend, withReward, result.Discount, ct);
            return discounted with { Loyalty = withReward.Loyalty! with { Discount = result.Discount, Status = LoyaltyOrderStatus.Checkout } };
        }, cancellationToken);

    /// <summary>Removes the cart's reward and its discount.</summary>
    public Task<CheckoutResult<Cart>> RemoveRewardAsync(ClientContext client, string cartId, long? expectedVersion, CancellationToken cancellationToken) =>
        _carts.ChangeCartAsync(client, cartId, expectedVersion, async (backend, cart, ct) =>
            cart.Loyalty is { } loyalty
                ? (await CartRewards.SyncLoyaltyDiscountAsync(backend, cart, null, ct)) with { Loyalty = loyalty with { RewardId = null, Discount = null } }
                : cart, cancellationToken);

    /// <summary>A member's balance and the rewards usable at a store.</summary>
    public async Task<CheckoutResult<LoyaltyAccount>> GetLoyaltyAccountAsync(string program, string memberId, string storeCode, CancellationToken cancellationToken)
    {
        LoyaltyBackend backend;
        try
        {
            backend = _channels.GetLoyaltyBackend(program);
        }
        catch (KeyNotFoundException)
        {
            return CheckoutResult.Fail<LoyaltyAccount>(CheckoutErrorCodes.NotFound, $"There is no loyalty program named '{program}'.", "program");
        }

        try
        {
            var balance = await backend.GetBalanceAsync(memberId, cancellationToken);
            var rewards = await backend.GetRewardsAsync(memberId, storeCode, cancellationToken);
            return CheckoutResult.Ok<LoyaltyAccount>(new LoyaltyAccount(balance, rewards));
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<LoyaltyAccount>(e);
        }
    }
}
