using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// A loyalty reward's discount is what the buyer saves: the cart's total shows it, the backend's order
/// and the charge are the discounted amount, and a channel whose backend cannot take the discount off
/// refuses the reward rather than redeem it while charging in full.
/// </summary>
public sealed class LoyaltyRewardPaymentTests : IDisposable
{
    private const string Store = "store-1";
    private static readonly ClientContext Alice = new("storefront-alice");
    private static readonly Money RewardValue = Money.Of(5m, "USD");
    private readonly ChargeLedger _ledger = new();
    private readonly CheckoutHost _host;

    public LoyaltyRewardPaymentTests() => _host = new CheckoutHost(_ledger);

    private CheckoutServices Checkout => _host.Checkout;

    private TestLoyaltyProgram Program => _host.Loyalty;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ApplyReward_CartTotalIsTheSubtotalLessTheRewardsDiscount()
    {
        var (member, reward) = Program.NewMember(0m, RewardValue);
        var cartId = await CartWithMemberAsync("shop", member, reward: null, quantity: 3);

        var applied = await Checkout.Loyalty.ApplyRewardAsync(Alice, cartId, reward, null, default);

        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        var totals = applied.Value!.Totals;
        Assert.Equal(Money.Of(30m, "USD"), totals.Subtotal);
        Assert.Equal(RewardValue, totals.LoyaltyDiscount);
        Assert.Equal(RewardValue, totals.Discounts);
        Assert.Equal(Money.Of(25m, "USD"), totals.Total);
    }

    [Fact]
    public async Task Pay_WithAReward_ChargesAndOrdersTheDiscountedTotal_AndRedeemsTheReward()
    {
        var (member, reward) = Program.NewMember(0m, RewardValue);
        var cartId = await PayableCartAsync("shop", member, reward);

        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors));
        Assert.Equal([Money.Of(25m, "USD")], _ledger.Amounts);
        Assert.Equal(Money.Of(25m, "USD"), paid.Value!.Order!.Order.Total);
        Assert.Equal(Money.Of(25m, "USD"), paid.Value.Order.Order.AmountPaid);
        Assert.Equal(LoyaltyOrderStatus.Completed, paid.Value.Cart.Loyalty!.Status);
        Assert.DoesNotContain(reward, await RewardsAsync(member));
    }

    [Fact]
    public async Task Pay_WithTheAmountBeforeTheRewardsDiscount_IsRefused_NothingIsChargedAndTheRewardIsNotPlaced()
    {
        var (member, reward) = Program.NewMember(0m, RewardValue);
        var cartId = await PayableCartAsync("shop", member, reward);

        var refused = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null, Amount: Money.Of(30m, "USD")), "key-1", default);

        var error = Assert.Single(refused.Errors);
        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("amount", error.Field);
        Assert.Contains("after the 5.00 USD loyalty discount, 25.00 USD", error.Message, StringComparison.Ordinal);
        Assert.Empty(_ledger.Amounts);
        Assert.DoesNotContain(LoyaltyOrderStatus.Placed, Program.StagesOf(cartId));
        Assert.Contains(reward, await RewardsAsync(member));
    }

    [Fact]
    public async Task Pay_WithTheDiscountedAmount_Pays()
    {
        var (member, reward) = Program.NewMember(0m, RewardValue);
        var cartId = await PayableCartAsync("shop", member, reward);

        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null, Amount: Money.Of(25m, "USD")), "key-1", default);

        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors));
        Assert.Equal([Money.Of(25m, "USD")], _ledger.Amounts);
    }

    [Fact]
    public async Task RemoveReward_PutsTheCartTotalBackAndPaymentChargesItInFull()
    {
        var (member, reward) = Program.NewMember(0m, RewardValue);
        var cartId = await PayableCartAsync("shop", member, reward);

        var removed = await Checkout.Loyalty.RemoveRewardAsync(Alice, cartId, null, default);
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.Null(removed.Value!.Totals.LoyaltyDiscount);
        Assert.Equal(Money.Of(30m, "USD"), removed.Value.Totals.Total);
        Assert.Equal([Money.Of(30m, "USD")], _ledger.Amounts);
        Assert.Contains(reward, await RewardsAsync(member));
    }

    [Fact]
    public async Task CartChange_TheDiscountFollowsWhatTheProgramComputesForTheNewCart()
    {
        // A 15.00 reward is worth at most the subtotal: 10.00 on one item, all of it on two.
        var (member, reward) = Program.NewMember(0m, Money.Of(15m, "USD"));
        var cartId = await CartWithMemberAsync("shop", member, reward, quantity: 1);
        var before = (await Checkout.Carts.GetCartAsync(Alice, cartId, default))!;

        var after = (await Checkout.Carts.AddLinesAsync(Alice, cartId, [new CartLineInput("mug", 1)], null, default)).Value!;

        Assert.Equal(Money.Of(10m, "USD"), before.Totals.LoyaltyDiscount);
        Assert.Equal(Money.Of(0m, "USD"), before.Totals.Total);
        Assert.Equal(Money.Of(15m, "USD"), after.Loyalty!.Discount);
        Assert.Equal(Money.Of(15m, "USD"), after.Totals.LoyaltyDiscount);
        Assert.Equal(Money.Of(5m, "USD"), after.Totals.Total);
    }

    [Fact]
    public async Task ApplyReward_OnAChannelWhoseBackendCannotTakeTheDiscount_IsNotSupported_AndTheProgramNeverHearsOfIt()
    {
        var (member, reward) = Program.NewMember(0m, RewardValue);
        var cartId = await CartWithMemberAsync(CheckoutHost.NoDiscountChannel, member, reward: null, quantity: 3);

        var refused = await Checkout.Loyalty.ApplyRewardAsync(Alice, cartId, reward, null, default);
        var cart = (await Checkout.Carts.GetCartAsync(Alice, cartId, default))!;

        var error = Assert.Single(refused.Errors);
        Assert.Equal(CommerceErrorCodes.NotSupported, error.Code);
        Assert.Contains("LoyaltyDiscounts", error.Message, StringComparison.Ordinal);
        Assert.Null(cart.Loyalty!.RewardId);
        Assert.Equal(Money.Of(30m, "USD"), cart.Totals.Total);
        Assert.Empty(Program.StagesOf(cartId));
        Assert.Contains(reward, await RewardsAsync(member));
    }

    [Fact]
    public async Task Pay_OnAChannelWhoseBackendCannotTakeTheDiscount_MemberWithoutARewardStillEarnsPoints()
    {
        var (member, _) = Program.NewMember(0m, RewardValue);
        var cartId = await PayableCartAsync(CheckoutHost.NoDiscountChannel, member, reward: null);

        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors));
        Assert.Equal([Money.Of(30m, "USD")], _ledger.Amounts);
        Assert.Equal(LoyaltyOrderStatus.Completed, paid.Value!.Cart.Loyalty!.Status);
        Assert.Equal(30m, (await Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, Store, default)).Value!.Balance.Points);
    }

    /// <summary>A cart of <paramref name="quantity"/> x 10.00 USD with <paramref name="member"/> attached and, when given, a reward applied.</summary>
    private async Task<string> CartWithMemberAsync(string channel, string member, string? reward, int quantity)
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, channel, null, default)).Value!;
        await Checkout.Loyalty.AttachLoyaltyAsync(Alice, cart.Id, member, Store, null, default);
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", quantity)], null, default);
        if (reward is not null)
        {
            var applied = await Checkout.Loyalty.ApplyRewardAsync(Alice, cart.Id, reward, null, default);
            Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        }

        return cart.Id;
    }

    /// <summary>3 x 10.00 USD for <paramref name="member"/>, with <paramref name="reward"/> when given, ready to pay.</summary>
    private async Task<string> PayableCartAsync(string channel, string member, string? reward)
    {
        var cartId = await CartWithMemberAsync(channel, member, reward, quantity: 3);
        await Checkout.Carts.UpdateBuyerAsync(Alice, cartId, new Buyer("alice@example.test"), null, default);
        await Checkout.Carts.BeginCheckoutAsync(Alice, cartId, null, default);
        return cartId;
    }

    private async Task<IEnumerable<string>> RewardsAsync(string member) =>
        (await Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, Store, default)).Value!.Rewards.Select(r => r.Id);
}
