using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <content>
/// Loyalty: a cart carries a member (or a guest) and at most one reward. Cart changes re-validate the
/// reward; payment drives the lifecycle placed, billed, completed, or voided on failure; a refund in
/// full sends refunded. A loyalty outage never blocks a checkout without a reward; with a reward it
/// is a clear error before payment. After money has moved, a stage the program refuses is logged and
/// the stored status stays at the last stage it accepted.
/// </content>
public sealed partial class CheckoutService
{
    /// <summary>Attaches a loyalty member (or a guest, when <paramref name="memberId"/> is null) and store to the cart.</summary>
    public Task<CheckoutResult<Cart>> AttachLoyaltyAsync(ClientContext client, string cartId, string? memberId, string storeCode, long? expectedVersion, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(storeCode)
            ? Task.FromResult(CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, "A store code is required.", "storeCode"))
            : ChangeCartAsync(client, cartId, expectedVersion, (backend, cart, _) =>
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
        ChangeCartAsync(client, cartId, expectedVersion, async (backend, cart, ct) =>
        {
            var loyalty = cart.Loyalty ?? throw new BackendRejectedException(cart.Channel, CommerceErrorCodes.InvalidStep, "Attach a loyalty member to the cart first.", field: "cartId");
            EnsureRewardsSupported(backend);
            if (loyalty.MemberId is null)
            {
                throw new BackendRejectedException(cart.Channel, CommerceErrorCodes.RewardNotApplicable, "Guest orders cannot use rewards.", field: "rewardId");
            }

            if (loyalty.RewardId is { } current && current != rewardId)
            {
                throw new BackendRejectedException(cart.Channel, CommerceErrorCodes.Conflict, "An order takes one reward: remove the current one first.", field: "rewardId");
            }

            var withReward = cart with { Loyalty = loyalty with { RewardId = rewardId } };
            var result = await SendLoyaltyAsync(withReward, LoyaltyOrderStatus.Checkout, ct);
            var discounted = await SyncLoyaltyDiscountAsync(backend, withReward, result.Discount, ct);
            return discounted with { Loyalty = withReward.Loyalty! with { Discount = result.Discount, Status = LoyaltyOrderStatus.Checkout } };
        }, cancellationToken);

    /// <summary>Removes the cart's reward and its discount.</summary>
    public Task<CheckoutResult<Cart>> RemoveRewardAsync(ClientContext client, string cartId, long? expectedVersion, CancellationToken cancellationToken) =>
        ChangeCartAsync(client, cartId, expectedVersion, async (backend, cart, ct) =>
            cart.Loyalty is { } loyalty
                ? (await SyncLoyaltyDiscountAsync(backend, cart, null, ct)) with { Loyalty = loyalty with { RewardId = null, Discount = null } }
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

    private Task<CheckoutResult<Cart>> ChangeCartWithLoyaltyAsync(ClientContext client, string cartId, long? expectedVersion, Func<CommerceBackend, Cart, CancellationToken, Task<Cart>> change, CancellationToken cancellationToken) =>
        ChangeCartAsync(client, cartId, expectedVersion, async (backend, cart, ct) => await RevalidateRewardAsync(backend, await change(backend, cart, ct), ct), cancellationToken);

    /// <summary>Re-sends checkout after a cart change; the backend's discount follows what the program now computes.</summary>
    private async Task<Cart> RevalidateRewardAsync(CommerceBackend backend, Cart cart, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { RewardId: not null } loyalty)
        {
            return cart;
        }

        if (!backend.Channel.Supports(ChannelCapabilities.LoyaltyDiscounts))
        {
            // A reward applied before the channel lost the capability cannot be honoured; drop it rather than block the cart.
            CheckoutLog.RewardDropped(_logger, cart.Id);
            return cart with { Loyalty = loyalty with { RewardId = null, Discount = null } };
        }

        try
        {
            var result = await SendLoyaltyAsync(cart, LoyaltyOrderStatus.Checkout, cancellationToken);
            var discounted = await SyncLoyaltyDiscountAsync(backend, cart, result.Discount, cancellationToken);
            return discounted with { Loyalty = loyalty with { Discount = result.Discount, Status = LoyaltyOrderStatus.Checkout } };
        }
        catch (BackendRejectedException e) when (e.Code == CommerceErrorCodes.RewardNotApplicable)
        {
            CheckoutLog.RewardDropped(_logger, cart.Id);
            var undiscounted = await SyncLoyaltyDiscountAsync(backend, cart, null, cancellationToken);
            return undiscounted with { Loyalty = loyalty with { RewardId = null, Discount = null } };
        }
        catch (CommerceException e) when (e.IsFault)
        {
            // The cart change already happened at the commerce backend; keep it and let payment re-check the reward.
            CheckoutLog.LoyaltyStageFailed(_logger, nameof(LoyaltyOrderStatus.Checkout), cart.Id, loyalty.Program, e.Code);
            return cart;
        }
    }

    /// <summary>
    /// Before payment: validates the reward once more (a voided attempt becomes a new loyalty order) and
    /// makes sure the backend's cart carries exactly the discount the program computed, so the total
    /// charged is the discounted one. A reward is never placed while its discount is not applied.
    /// </summary>
    private async Task<Cart> PrepareRewardAsync(CommerceBackend backend, Cart cart, CancellationToken cancellationToken)
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
        var result = await SendLoyaltyAsync(cart with { Loyalty = attempt }, LoyaltyOrderStatus.Checkout, cancellationToken);
        var discounted = await SyncLoyaltyDiscountAsync(backend, cart, result.Discount, cancellationToken);
        return discounted with { Loyalty = attempt with { Discount = result.Discount, Status = LoyaltyOrderStatus.Checkout } };
    }

    private async Task<Cart> PlaceLoyaltyOrderAsync(Cart cart, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { RewardId: not null } loyalty || loyalty.Status == LoyaltyOrderStatus.Placed)
        {
            return cart;
        }

        await SendLoyaltyAsync(cart, LoyaltyOrderStatus.Placed, cancellationToken);
        return cart with { Loyalty = loyalty with { Status = LoyaltyOrderStatus.Placed } };
    }

    /// <summary>
    /// Puts <paramref name="discount"/> (null or zero: none) on the backend's cart unless it is there
    /// already, and checks that the backend took exactly that amount off.
    /// </summary>
    private static async Task<Cart> SyncLoyaltyDiscountAsync(CommerceBackend backend, Cart cart, Money? discount, CancellationToken cancellationToken)
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
    private static void EnsureRewardsSupported(CommerceBackend backend)
    {
        if (!backend.Channel.Supports(ChannelCapabilities.LoyaltyDiscounts))
        {
            throw new CapabilityNotSupportedException(backend.Channel.Name, ChannelCapabilities.LoyaltyDiscounts, "loyalty rewards");
        }
    }

    private async Task<Cart> AdvanceLoyaltyAsync(Cart cart, PaymentStatus payment, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { } loyalty)
        {
            return cart;
        }

        var stages = payment switch
        {
            PaymentStatus.Paid => [LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed],
            PaymentStatus.Authorized => [LoyaltyOrderStatus.Placed],
            PaymentStatus.Failed when loyalty.Status == LoyaltyOrderStatus.Placed => [LoyaltyOrderStatus.Voided],
            _ => Array.Empty<LoyaltyOrderStatus>(),
        };
        if (loyalty.Status is null && stages.Length > 0)
        {
            // Only a reward is sent to the program before payment, so a cart without one has no loyalty
            // order yet; the program takes an order only after its checkout, so open it first.
            stages = [LoyaltyOrderStatus.Checkout, .. stages];
        }

        var status = await SendStagesAsync(cart.Id, loyalty, stages, s => SendLoyaltyAsync(cart, s, cancellationToken));
        return cart with { Loyalty = loyalty with { Status = status } };
    }

    private async Task<LoyaltyAttachment?> AdvanceLoyaltyForOrderAsync(OrderRecord record, LoyaltyOrderStatus[] stages, CancellationToken cancellationToken)
    {
        if (record.Loyalty is not { } loyalty)
        {
            return null;
        }

        var items = record.Order.Lines.Select(l => new LoyaltyItem(l.MerchandiseId, l.Title ?? l.MerchandiseId, l.Quantity, l.Total with { Amount = l.Total.Amount / Math.Max(1, l.Quantity) })).ToList();
        var subtotal = record.Order.Lines.Count == 0 ? record.Order.Total : record.Order.Lines.Aggregate(Money.Zero(record.Order.Total.Currency), (sum, l) => sum + l.Total);
        var status = await SendStagesAsync(record.CartId, loyalty, stages, s =>
            _channels.GetLoyaltyBackend(loyalty.Program).SubmitOrderAsync(
                new LoyaltyOrder(loyalty.OrderId ?? record.CartId, loyalty.MemberId, loyalty.StoreCode, s, items, subtotal, loyalty.RewardId, loyalty.Discount), cancellationToken));
        return loyalty with { Status = status };
    }

    private async Task<LoyaltyOrderStatus?> SendStagesAsync(string cartId, LoyaltyAttachment loyalty, IEnumerable<LoyaltyOrderStatus> stages, Func<LoyaltyOrderStatus, Task<LoyaltyOrderResult>> send)
    {
        var status = loyalty.Status;
        foreach (var stage in stages.Where(s => (status is null ? s >= LoyaltyOrderStatus.Checkout : s > status) || s == LoyaltyOrderStatus.Voided || s == LoyaltyOrderStatus.Refunded))
        {
            try
            {
                status = (await send(stage)).Status;
            }
            catch (CommerceException e)
            {
                // Money already moved; the loyalty side is reconciled later rather than failing the buyer.
                CheckoutLog.LoyaltyStageFailed(_logger, stage.ToString(), cartId, loyalty.Program, e.Code);
                break;
            }
        }

        return status;
    }

    private Task<LoyaltyOrderResult> SendLoyaltyAsync(Cart cart, LoyaltyOrderStatus status, CancellationToken cancellationToken)
    {
        var loyalty = cart.Loyalty!;
        var items = cart.Lines.Select(l => new LoyaltyItem(l.MerchandiseId, l.Title ?? l.MerchandiseId, l.Quantity, l.UnitPrice)).ToList();
        var order = new LoyaltyOrder(loyalty.OrderId ?? cart.Id, loyalty.MemberId, loyalty.StoreCode, status, items, cart.Totals.Subtotal, loyalty.RewardId, loyalty.Discount);
        return _channels.GetLoyaltyBackend(loyalty.Program).SubmitOrderAsync(order, cancellationToken);
    }
}
