using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// Refunding an order whose checkout carried a loyalty member: the program refunds whole orders only
/// (earned points removed, reward returned), so it hears of the refund once the order is refunded in full.
/// </summary>
public sealed class LoyaltyRefundTests : IDisposable
{
    private const string Store = "store-1";
    private static readonly ClientContext Alice = new("storefront-alice");
    private static readonly Money RewardValue = Money.Of(5m, "USD");
    private readonly CheckoutHost _host = new(new ChargeLedger());

    private CheckoutServices Checkout => _host.Checkout;

    private TestLoyaltyProgram Program => _host.Loyalty;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Refund_WholeOrder_TakesBackTheEarnedPointsAndReturnsTheReward()
    {
        var (member, reward, order) = await PaidOrderWithRewardAsync();
        Assert.Equal(25m, await PointsAsync(member));
        Assert.DoesNotContain(reward, await RewardsAsync(member));

        var refund = await Checkout.Orders.RefundAsync(Alice, order.Id, Money.Of(25m, "USD"), "returned", default);

        Assert.True(refund.Succeeded, string.Join("; ", refund.Errors));
        Assert.Equal(PaymentStatus.Refunded, refund.Value!.Order.PaymentStatus);
        Assert.Equal(LoyaltyOrderStatus.Refunded, refund.Value.Loyalty!.Status);
        Assert.Equal(LoyaltyOrderStatus.Refunded, Program.StagesOf(order.CartId)[^1]);
        Assert.Equal(0m, await PointsAsync(member));
        Assert.Contains(reward, await RewardsAsync(member));
        Assert.Equal(LoyaltyOrderStatus.Refunded, (await Checkout.Orders.GetOrderAsync(Alice, order.Id, default))!.Loyalty!.Status);
    }

    [Fact]
    public async Task Refund_PartOfTheOrder_KeepsThePointsAndTheRewardAndShowsTheLoyaltyOrderStillCompleted()
    {
        var (member, reward, order) = await PaidOrderWithRewardAsync();

        var refund = await Checkout.Orders.RefundAsync(Alice, order.Id, Money.Of(10m, "USD"), "one returned", default);

        Assert.True(refund.Succeeded, string.Join("; ", refund.Errors));
        Assert.Equal(PaymentStatus.PartiallyRefunded, refund.Value!.Order.PaymentStatus);
        Assert.Equal(LoyaltyOrderStatus.Completed, refund.Value.Loyalty!.Status);
        Assert.DoesNotContain(LoyaltyOrderStatus.Refunded, Program.StagesOf(order.CartId));
        Assert.Equal(25m, await PointsAsync(member));
        Assert.DoesNotContain(reward, await RewardsAsync(member));
    }

    [Fact]
    public async Task Refund_SecondPartCompletesTheRefund_ThenThePointsAreTakenBackOnce()
    {
        var (member, reward, order) = await PaidOrderWithRewardAsync();

        var first = await Checkout.Orders.RefundAsync(Alice, order.Id, Money.Of(10m, "USD"), "one returned", default);
        var pointsAfterFirst = await PointsAsync(member);
        var second = await Checkout.Orders.RefundAsync(Alice, order.Id, Money.Of(15m, "USD"), "the rest returned", default);

        Assert.Equal(LoyaltyOrderStatus.Completed, first.Value!.Loyalty!.Status);
        Assert.Equal(25m, pointsAfterFirst);
        Assert.Equal(PaymentStatus.Refunded, second.Value!.Order.PaymentStatus);
        Assert.Equal(Money.Of(25m, "USD"), second.Value.Order.AmountRefunded);
        Assert.Equal(LoyaltyOrderStatus.Refunded, second.Value.Loyalty!.Status);
        Assert.Single(Program.StagesOf(order.CartId), s => s == LoyaltyOrderStatus.Refunded);
        Assert.Equal(0m, await PointsAsync(member));
        Assert.Contains(reward, await RewardsAsync(member));
    }

    [Fact]
    public async Task Refund_InFullWhileTheLoyaltyProgramIsDown_RefundsTheMoney_AndTheOrderShowsTheRefundStillOwed()
    {
        var (member, _, order) = await PaidOrderWithRewardAsync();
        Program.IsDown = true;

        var refund = await Checkout.Orders.RefundAsync(Alice, order.Id, Money.Of(25m, "USD"), "returned", default);
        var readWhileDown = await Checkout.Orders.GetOrderAsync(Alice, order.Id, default);
        Program.IsDown = false;

        Assert.True(refund.Succeeded, string.Join("; ", refund.Errors));
        Assert.Equal(PaymentStatus.Refunded, refund.Value!.Order.PaymentStatus);
        Assert.Equal(LoyaltyOrderStatus.Completed, refund.Value.Loyalty!.Status);
        Assert.Equal([LoyaltyOrderStatus.Refunded], refund.Value.LoyaltyOwed!.Stages);
        Assert.Equal(LoyaltyOrderStatus.Completed, readWhileDown!.Loyalty!.Status);
        Assert.Equal(2, readWhileDown.LoyaltyOwed!.Attempts);
        Assert.Equal(25m, await PointsAsync(member));
    }

    [Fact]
    public async Task Refund_InFullWhileTheLoyaltyProgramIsDown_TheNextReadOfTheOrderTakesThePointsBackAndReturnsTheReward()
    {
        var (member, reward, order) = await PaidOrderWithRewardAsync();
        Program.IsDown = true;
        await Checkout.Orders.RefundAsync(Alice, order.Id, Money.Of(25m, "USD"), "returned", default);
        Program.IsDown = false;

        var read = await Checkout.Orders.GetOrderAsync(Alice, order.Id, default);

        Assert.Equal(LoyaltyOrderStatus.Refunded, read!.Loyalty!.Status);
        Assert.Null(read.LoyaltyOwed);
        Assert.Equal(0m, await PointsAsync(member));
        Assert.Contains(reward, await RewardsAsync(member));
        Assert.Equal(1, Program.Received(order.CartId, LoyaltyOrderStatus.Refunded));
        Assert.Null((await Checkout.Orders.GetOrderAsync(Alice, order.Id, default))!.LoyaltyOwed);
    }

    /// <summary>A member with no points pays 3 x 10.00 USD less a 5.00 reward, 25.00: 25 points earned, the reward redeemed.</summary>
    private async Task<(string Member, string Reward, OrderRecord Order)> PaidOrderWithRewardAsync()
    {
        var (member, reward) = Program.NewMember(0m, RewardValue);
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Loyalty.AttachLoyaltyAsync(Alice, cart.Id, member, Store, null, default);
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 3)], null, default);
        var withReward = await Checkout.Loyalty.ApplyRewardAsync(Alice, cart.Id, reward, null, default);
        Assert.Equal(RewardValue, withReward.Value!.Loyalty!.Discount);
        await Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        await Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);

        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(Money.Of(25m, "USD"), paid.Value.Order!.Order.AmountPaid);
        Assert.Equal(LoyaltyOrderStatus.Completed, paid.Value.Order!.Loyalty!.Status);
        return (member, reward, paid.Value.Order);
    }

    private async Task<decimal> PointsAsync(string member) =>
        (await Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, Store, default)).Value!.Balance.Points;

    private async Task<IEnumerable<string>> RewardsAsync(string member) =>
        (await Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, Store, default)).Value!.Rewards.Select(r => r.Id);
}
