using CommerceGateway.Adapters;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Checkout;

/// <summary>
/// A cart's loyalty reward: re-validated after cart changes, checked and placed before payment, its
/// discount kept exactly as the program computed it on the backend's cart. A loyalty outage never
/// blocks a checkout without a reward; with a reward it is a clear error before payment.
/// </summary>
internal sealed class CartRewards(LoyaltyStages stages, ILogger<CartRewards> logger)
{
    /// <summary>Re-sends checkout after a cart change; the backend's discount follows what the program now computes.</summary>
    public async Task<Cart> RevalidateRewardAsync(CommerceBackend backend, Cart cart, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { RewardId: not null } loyalty)
        {
            return cart;
        }

        if (!backend.Channel.Supports(ChannelCapabilities.LoyaltyDiscounts))
        {
            // A reward applied before the channel lost the capability cannot be honoured; drop it rather than
            // block the cart, and take its discount off the backend's cart, or the buyer keeps it unredeemed.
            CheckoutLog.RewardDropped(logger, cart.Id);
            var undiscounted = await SyncLoyaltyDiscountAsync(backend, cart, null, cancellationToken);
            return undiscounted with { Loyalty = loyalty with { RewardId = null, Discount = null } };
        }

        try
        {
            var result = await stages.SendLoyaltyAsync(cart, LoyaltyOrderStatus.Checkout, cancellationToken);
            var discounted = await SyncLoyaltyDiscountAsync(backend, cart, result.Discount, cancellationToken);
            return discounted with { Loyalty = loyalty with { Discount = result.Discount, Status = LoyaltyOrderStatus.Checkout } };
        }
        catch (BackendRejectedException e) when (e.Code == CommerceErrorCodes.RewardNotApplicable)
        {
            CheckoutLog.RewardDropped(logger, cart.Id);
            var undiscounted = await SyncLoyaltyDiscountAsync(backend, cart, null, cancellationToken);
            return undiscounted with { Loyalty = loyalty with { RewardId = null, Discount = null } };
        }
        catch (CommerceException e) when (e.IsFault)
        {
            // The cart change already happened at the commerce backend; keep it and let payment re-check the reward.
            CheckoutLog.LoyaltyCartStageFailed(logger, nameof(LoyaltyOrderStatus.Checkout), cart.Id, loyalty.Program, e.Code);
            return cart;
        }
    }

    /// <summary>
    /// Before payment: validates the reward once more (a voided attempt becomes a new loyalty order) and
    /// makes sure the backend's cart carries exactly the discount the program computed, so the total
    /// charged is the discounted one. A reward is never placed while its discount is not applied.
    /// </summary>
    public async Task<Cart> PrepareRewardAsync(CommerceBackend backend, Cart cart, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { RewardId: not null } loyalty)
        {
            return cart;
        }

        EnsureRewardsSupported(backend);
        if (loyalty.Status == LoyaltyOrderStatus.Placed)
        {
            // Placed locks the reward and its discount: the program is not asked again.
            return await SyncLoyaltyDiscountAsync(backend, cart, loyalty.Discount, cancellationToken);
        }

        // A voided attempt cannot be placed again: the retry is a new loyalty order.
        var attempt = loyalty.Status == LoyaltyOrderStatus.Voided ? loyalty with { OrderId = SecureIds.New("loyalty"), Status = null } : loyalty;
        var result = await stages.SendLoyaltyAsync(cart with { Loyalty = attempt }, LoyaltyOrderStatus.Checkout, cancellationToken);
        var discounted = await SyncLoyaltyDiscountAsync(backend, cart, result.Discount, cancellationToken);
        return discounted with { Loyalty = attempt with { Discount = result.Discount, Status = LoyaltyOrderStatus.Checkout } };
    }

    public async Task<Cart> PlaceLoyaltyOrderAsync(Cart cart, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { RewardId: not null } loyalty || loyalty.Status == LoyaltyOrderStatus.Placed)
        {
            return cart;
        }

        await stages.SendLoyaltyAsync(cart, LoyaltyOrderStatus.Placed, cancellationToken);
        return cart with { Loyalty = loyalty with { Status = LoyaltyOrderStatus.Placed } };
    }

    /// <summary>
    /// Puts <paramref name="discount"/> (null or zero: none) on the backend's cart unless it is there
    /// already, and checks that the backend took exactly that amount off.
    /// </summary>
    public static async Task<Cart> SyncLoyaltyDiscountAsync(CommerceBackend backend, Cart cart, Money? discount, CancellationToken cancellationToken)
    {
        var wanted = discount is { Amount: > 0m } ? discount : null;
        if (cart.Totals.LoyaltyDiscount == wanted)
        {
            return cart;
        }

        var discounted = await backend.ApplyLoyaltyDiscountAsync(cart, wanted, cancellationToken);
        return discounted.Totals.LoyaltyDiscount == wanted
            ? discounted
            : throw new BackendProtocolException(cart.Channel, "totals.loyaltyDiscount", $"expected a loyalty discount of {wanted?.ToString() ?? "none"}, found {discounted.Totals.LoyaltyDiscount?.ToString() ?? "none"}");
    }

    /// <summary>Rewards need a backend that takes their discount off the order; otherwise the buyer would pay in full for a redeemed reward.</summary>
    public static void EnsureRewardsSupported(CommerceBackend backend)
    {
        if (!backend.Channel.Supports(ChannelCapabilities.LoyaltyDiscounts))
        {
            throw new CapabilityNotSupportedException(backend.Channel.Name, ChannelCapabilities.LoyaltyDiscounts, "loyalty rewards");
        }
    }
}
