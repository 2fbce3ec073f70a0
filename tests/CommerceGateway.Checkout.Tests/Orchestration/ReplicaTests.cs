using CommerceGateway.Adapters;
using CommerceGateway.Testing;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>Two gateway replicas sharing one real Redis.</summary>
public sealed class ReplicaTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly ClientContext Alice = new("storefront-alice");

    [Fact]
    public async Task Cart_StartedOnOneReplica_IsFinishedOnTheOther()
    {
        var ledger = new ChargeLedger();
        var prefix = $"replica-{Guid.NewGuid():N}:";
        using var a = new CheckoutHost(ledger, redis.ConnectionString, prefix);
        using var b = new CheckoutHost(ledger, redis.ConnectionString, prefix);

        var cart = (await a.Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await a.Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 3)], null, default);
        await b.Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        await b.Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);
        var paid = await b.Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(Money.Of(30m, "USD"), paid.Value.Order!.Order.Total);
        Assert.Equal(CheckoutStatus.Complete, (await a.Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!.Checkout.Status);
    }

    [Fact]
    public async Task SubmitPayment_RetriedOnTheOtherReplicaWithTheSameKey_IsNotPaidTwice()
    {
        var ledger = new ChargeLedger();
        var prefix = $"replica-{Guid.NewGuid():N}:";
        using var a = new CheckoutHost(ledger, redis.ConnectionString, prefix);
        using var b = new CheckoutHost(ledger, redis.ConnectionString, prefix);
        var cart = (await a.Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await a.Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 1)], null, default);
        await a.Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        await a.Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);

        var both = await Task.WhenAll(
            a.Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default),
            b.Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default));
        var replay = await b.Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);

        Assert.Equal(1, ledger.Charges);
        Assert.Contains(both, r => r.Succeeded && r.Value!.Status == PaymentStatus.Paid);
        Assert.All(both.Where(r => !r.Succeeded), r => Assert.Equal(CommerceErrorCodes.Conflict, r.Errors[0].Code));
        Assert.Equal(PaymentStatus.Paid, replay.Value!.Status);
    }

    [Fact]
    public async Task BookingPurchase_RetriedOnBothReplicas_CollectsWhatIsDueOnce()
    {
        var (ledger, desk, a, b, booking) = await TwoReplicasWithABookingAsync(seats: 3);
        using var replicaA = a;
        using var replicaB = b;
        await b.Checkout.Bookings.CommitBookingAsync(Alice, booking.Id, new PaymentRequest("tok_ok", null, Amount: Money.Of(12m, "USD")), "commit-1", default);
        var pay = new PaymentRequest("tok_ok", null);

        var both = await Task.WhenAll(
            a.Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, pay, "purchase-1", default),
            b.Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, pay, "purchase-1", default));
        var replay = await b.Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, pay, "purchase-1", default);
        var newKeys = await Task.WhenAll(
            a.Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, pay, "purchase-2", default),
            b.Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, pay, "purchase-3", default));

        var order = Assert.Single(both, r => r.Succeeded).Value!;
        Assert.All(both.Where(r => !r.Succeeded), r => Assert.Equal(CommerceErrorCodes.Conflict, r.Errors[0].Code));
        Assert.Equal(order.Id, replay.Value!.Id);
        Assert.All(newKeys, r => Assert.Equal(CommerceErrorCodes.InvalidStep, Assert.Single(r.Errors).Code));
        Assert.Equal(1, desk.Purchases);
        Assert.Equal([Money.Of(12m, "USD"), Money.Of(18m, "USD")], ledger.Amounts);
        Assert.Equal(order.Id, (await a.Checkout.Bookings.GetBookingAsync(Alice, booking.Id, default))!.OrderId);
    }

    [Fact]
    public async Task BookingPurchase_WithNewKeysOnBothReplicasAtOnce_PurchasesOnce()
    {
        var (ledger, desk, a, b, booking) = await TwoReplicasWithABookingAsync(seats: 2);
        using var replicaA = a;
        using var replicaB = b;
        await a.Checkout.Bookings.CommitBookingAsync(Alice, booking.Id, new PaymentRequest("tok_ok", null), "commit-1", default);

        var both = await Task.WhenAll(
            a.Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, null, "purchase-a", default),
            b.Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, null, "purchase-b", default));

        Assert.Single(both, r => r.Succeeded);
        Assert.All(both.Where(r => !r.Succeeded), r => Assert.Contains(r.Errors[0].Code, new[] { CommerceErrorCodes.InvalidStep, CommerceErrorCodes.Conflict }));
        Assert.Equal(1, desk.Purchases);
        Assert.Equal([Money.Of(20m, "USD")], ledger.Amounts);
    }

    [Fact]
    public async Task OwedLoyaltyStage_RetriedByBothReplicasAtOnce_IsSentOnce()
    {
        var ledger = new ChargeLedger();
        var program = new TestLoyaltyProgram();
        var prefix = $"replica-{Guid.NewGuid():N}:";
        // Due at once, so both replicas' passes find the order.
        using var a = new CheckoutHost(ledger, redis.ConnectionString, prefix, program, checkout: o => o.LoyaltyRetryBackoff = TimeSpan.FromMilliseconds(1));
        using var b = new CheckoutHost(ledger, redis.ConnectionString, prefix, program, checkout: o => o.LoyaltyRetryBackoff = TimeSpan.FromMilliseconds(1));
        var (member, _) = program.NewMember(0m, Money.Of(5m, "USD"));
        var cart = (await a.Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await a.Checkout.Loyalty.AttachLoyaltyAsync(Alice, cart.Id, member, "store-1", null, default);
        await a.Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 3)], null, default);
        await a.Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        await a.Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);
        program.FailNext(LoyaltyOrderStatus.Completed);
        var order = (await a.Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default)).Value!.Order!;
        program.Latency = TimeSpan.FromMilliseconds(200);
        await Task.Delay(10);

        await Task.WhenAll(a.FollowUp.RetryDueLoyaltyAsync(default), b.FollowUp.RetryDueLoyaltyAsync(default));
        program.Latency = TimeSpan.Zero;

        Assert.Equal([LoyaltyOrderStatus.Completed], order.LoyaltyOwed!.Stages);
        Assert.Equal(1, program.Received(order.CartId, LoyaltyOrderStatus.Completed));
        Assert.Equal(30m, (await b.Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, "store-1", default)).Value!.Balance.Points);
        var read = (await b.Checkout.Orders.GetOrderAsync(Alice, order.Id, default))!;
        Assert.Equal(LoyaltyOrderStatus.Completed, read.Loyalty!.Status);
        Assert.Null(read.LoyaltyOwed);
    }

    [Fact]
    public async Task CartChange_AfterTheChannelLostLoyaltyDiscounts_SucceedsAndDropsTheReward_WhichTheMemberKeeps()
    {
        var ledger = new ChargeLedger();
        var program = new TestLoyaltyProgram();
        var prefix = $"replica-{Guid.NewGuid():N}:";
        using var before = new CheckoutHost(ledger, redis.ConnectionString, prefix, program);
        // The same channel after a configuration change: its backend no longer takes a discount off.
        using var after = new CheckoutHost(ledger, redis.ConnectionString, prefix, program, shopCapabilities: ["Refunds", "Loyalty"]);
        var (member, reward) = program.NewMember(0m, Money.Of(5m, "USD"));
        var cart = (await before.Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await before.Checkout.Loyalty.AttachLoyaltyAsync(Alice, cart.Id, member, "store-1", null, default);
        await before.Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 3)], null, default);
        var applied = await before.Checkout.Loyalty.ApplyRewardAsync(Alice, cart.Id, reward, null, default);

        var changed = await after.Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("mug", 1)], null, default);

        Assert.Equal(reward, applied.Value!.Loyalty!.RewardId);
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        Assert.Equal(4, changed.Value!.Lines.Sum(l => l.Quantity));
        Assert.Null(changed.Value.Loyalty!.RewardId);
        Assert.Null(changed.Value.Loyalty.Discount);
        // The shop's total is back to the undiscounted one: no discount without a redeemed reward.
        Assert.NotNull(applied.Value.Totals.LoyaltyDiscount);
        Assert.Null(changed.Value.Totals.LoyaltyDiscount);
        Assert.Equal(changed.Value.Totals.Subtotal, changed.Value.Totals.Total);
        Assert.Equal(member, changed.Value.Loyalty.MemberId);
        Assert.Null((await after.Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!.Loyalty!.RewardId);
        Assert.Contains(reward, (await after.Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, "store-1", default)).Value!.Rewards.Select(r => r.Id));
    }

    /// <summary>Two checkout replicas on the same Redis prefix and booking desk, with a booking of <paramref name="seats"/> seats made on the first.</summary>
    private async Task<(ChargeLedger Ledger, TestBookingDesk Desk, CheckoutHost A, CheckoutHost B, CommerceGateway.Checkout.BookingRecord Booking)> TwoReplicasWithABookingAsync(int seats)
    {
        var ledger = new ChargeLedger();
        var desk = new TestBookingDesk(ledger);
        var prefix = $"replica-{Guid.NewGuid():N}:";
        var a = new CheckoutHost(ledger, redis.ConnectionString, prefix, bookings: desk);
        var b = new CheckoutHost(ledger, redis.ConnectionString, prefix, bookings: desk);
        var cart = (await a.Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await a.Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("seat", seats)], null, default);
        var booking = (await a.Checkout.Bookings.CreateBookingAsync(Alice, cart.Id, default)).Value!;
        return (ledger, desk, a, b, booking);
    }
}
