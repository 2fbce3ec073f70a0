using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <content>
/// Loyalty: a cart carries a member (or a guest) and at most one reward. Cart changes re-validate the
/// reward; payment drives the lifecycle placed, billed, completed, or voided on failure; a refund in
/// full sends refunded. A loyalty outage never blocks a checkout without a reward; with a reward it
/// is a clear error before payment. After money has moved, a stage the program refuses is owed by the
/// order and retried (see the follow-up part); the stored status stays at the last stage it accepted.
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
            // A reward applied before the channel lost the capability cannot be honoured; drop it rather than
            // block the cart, and take its discount off the backend's cart, or the buyer keeps it unredeemed.
            CheckoutLog.RewardDropped(_logger, cart.Id);
            var undiscounted = await SyncLoyaltyDiscountAsync(backend, cart, null, cancellationToken);
            return undiscounted with { Loyalty = loyalty with { RewardId = null, Discount = null } };
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
            CheckoutLog.LoyaltyCartStageFailed(_logger, nameof(LoyaltyOrderStatus.Checkout), cart.Id, loyalty.Program, e.Code);
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

    /// <summary>
    /// Sends the stages a payment outcome calls for. What the program did not take is returned as owed:
    /// the caller puts it on the order, or logs it when the payment made no order.
    /// </summary>
    private async Task<(Cart Cart, StageRun Run)> AdvanceLoyaltyAsync(Cart cart, PaymentStatus payment, CancellationToken cancellationToken)
    {
        if (cart.Loyalty is not { } loyalty)
        {
            return (cart, StageRun.None);
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

        var run = await SendStagesAsync(loyalty, stages, s => SendLoyaltyAsync(cart, s, cancellationToken), cancellationToken);
        return (cart with { Loyalty = loyalty with { Status = run.Status } }, run);
    }

    /// <summary>
    /// Sends <paramref name="stages"/> in order, skipping those the loyalty order is already past, and
    /// stops at the first failure: later stages depend on it. Money already moved, so a failure is not
    /// the buyer's error; it comes back as the stages still owed.
    /// </summary>
    private static async Task<StageRun> SendStagesAsync(LoyaltyAttachment loyalty, IEnumerable<LoyaltyOrderStatus> stages, Func<LoyaltyOrderStatus, Task<LoyaltyOrderResult>> send, CancellationToken cancellationToken)
    {
        var status = loyalty.Status;
        var pending = stages.Where(s => (status is null ? s >= LoyaltyOrderStatus.Checkout : s > status) || s == LoyaltyOrderStatus.Voided || s == LoyaltyOrderStatus.Refunded).Distinct().ToList();
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                status = (await send(pending[i])).Status;
            }
            catch (CommerceException e)
            {
                return new StageRun(status, pending[i..], e.Code);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Only the bound on a retry during a read ran out; the request itself goes on.
                return new StageRun(status, pending[i..], "TIMEOUT");
            }
        }

        return new StageRun(status, [], null);
    }

    private Task<LoyaltyOrderResult> SendLoyaltyAsync(Cart cart, LoyaltyOrderStatus status, CancellationToken cancellationToken)
    {
        var loyalty = cart.Loyalty!;
        var items = cart.Lines.Select(l => new LoyaltyItem(l.MerchandiseId, l.Title ?? l.MerchandiseId, l.Quantity, l.UnitPrice)).ToList();
        var order = new LoyaltyOrder(loyalty.OrderId ?? cart.Id, loyalty.MemberId, loyalty.StoreCode, status, items, cart.Totals.Subtotal, loyalty.RewardId, loyalty.Discount);
        return _channels.GetLoyaltyBackend(loyalty.Program).SubmitOrderAsync(order, cancellationToken);
    }

    /// <summary>The outcome of sending stages: the status reached, the stages still owed and why the first of them failed.</summary>
    private sealed record StageRun(LoyaltyOrderStatus? Status, IReadOnlyList<LoyaltyOrderStatus> Owed, string? Code)
    {
        public static StageRun None { get; } = new(null, [], null);
    }
}
