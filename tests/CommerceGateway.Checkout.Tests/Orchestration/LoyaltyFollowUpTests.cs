using System.Text.Json;
using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// A loyalty stage the program could not take after money moved is owed by the order and retried, in
/// the background as time passes and on the order's next read, until the member's points are right.
/// </summary>
public sealed class LoyaltyFollowUpTests : IDisposable
{
    private const string Store = "store-1";
    private static readonly ClientContext Alice = new("storefront-alice");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly CheckoutHost _host;

    public LoyaltyFollowUpTests() => _host = new CheckoutHost(new ChargeLedger(), time: _time);

    private CheckoutServices Checkout => _host.Checkout;

    private TestLoyaltyProgram Program => _host.Loyalty;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Pay_WhenCompletingTheLoyaltyOrderFails_TheMemberGetsThePointsOnceTheBackgroundRetryComes()
    {
        var member = Program.NewMember(0m, Money.Of(5m, "USD")).Member;
        Program.FailNext(LoyaltyOrderStatus.Completed);
        var paid = await PayAsync(member);
        var order = paid.Order!;
        await _host.StartHostedServicesAsync();
        await Task.Delay(200);
        var pointsBeforeTimeMoves = await PointsAsync(member);

        // The first retry is due 30 seconds after the failure (Checkout:LoyaltyRetryBackoff).
        var awarded = await AdvanceUntilAsync(async () => await PointsAsync(member) > 0m, TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromHours(2));
        await Task.Delay(200);

        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal(LoyaltyOrderStatus.Billed, order.Loyalty!.Status);
        Assert.Equal([LoyaltyOrderStatus.Completed], order.LoyaltyOwed!.Stages);
        Assert.Equal(0m, pointsBeforeTimeMoves);
        Assert.True(awarded, "the background retry awarded the points");
        Assert.Equal(30m, await PointsAsync(member));
        Assert.Equal(1, Program.Received(order.CartId, LoyaltyOrderStatus.Completed));
        var read = (await Checkout.Orders.GetOrderAsync(Alice, order.Id, default))!;
        Assert.Equal(LoyaltyOrderStatus.Completed, read.Loyalty!.Status);
        Assert.Null(read.LoyaltyOwed);
    }

    [Fact]
    public async Task Pay_WhileTheProgramStaysDown_RetriesBackOffAndThenGiveUp_AndTheOrderSaysSo()
    {
        var member = Program.NewMember(0m, Money.Of(5m, "USD")).Member;
        Program.FailNext(LoyaltyOrderStatus.Completed, times: int.MaxValue / 2);
        var order = (await PayAsync(member)).Order!;
        await _host.StartHostedServicesAsync();

        // Three days of retries with a doubling wait capped at an hour: far fewer than one per 30 seconds.
        var gaveUp = await AdvanceUntilAsync(async () => (await StoredAsync(order.Id)).LoyaltyOwed!.GaveUp, TimeSpan.FromMinutes(30), maxSteps: 200);
        var stored = await StoredAsync(order.Id);
        var attempts = stored.LoyaltyOwed!.Attempts;
        _time.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);

        Assert.True(gaveUp, "the retries gave up");
        Assert.InRange(attempts, 40, 100);
        Assert.Equal([LoyaltyOrderStatus.Completed], stored.LoyaltyOwed.Stages);
        Assert.Equal(attempts, (await StoredAsync(order.Id)).LoyaltyOwed!.Attempts);
        Assert.Equal(0m, await PointsAsync(member));
    }

    [Fact]
    public async Task PollingAnOrderWhileTheProgramStaysDown_TriesOnTheFirstReadThenKeepsToTheBackoff()
    {
        var member = Program.NewMember(0m, Money.Of(5m, "USD")).Member;
        Program.FailNext(LoyaltyOrderStatus.Completed, times: int.MaxValue / 2);
        var order = (await PayAsync(member)).Order!;

        for (var i = 0; i < 5; i++)
        {
            await Checkout.Orders.GetOrderAsync(Alice, order.Id, default);
        }

        var afterPolling = (await StoredAsync(order.Id)).LoyaltyOwed!.Attempts;
        _time.Advance(TimeSpan.FromMinutes(2));
        await Checkout.Orders.GetOrderAsync(Alice, order.Id, default);
        var afterBackoff = (await StoredAsync(order.Id)).LoyaltyOwed!.Attempts;

        Assert.Equal(1, order.LoyaltyOwed!.Attempts);
        Assert.Equal(2, afterPolling);
        Assert.Equal(3, afterBackoff);
    }

    [Fact]
    public async Task TwoConcurrentRetriesOfOneOrder_SendTheOwedStageOnce()
    {
        var member = Program.NewMember(0m, Money.Of(5m, "USD")).Member;
        var order = (await PayAsync(member)).Order!;
        Program.FailNext(LoyaltyOrderStatus.Refunded);
        await Checkout.Orders.RefundAsync(Alice, order.Id, Money.Of(30m, "USD"), "returned", default);
        Program.Latency = TimeSpan.FromMilliseconds(200);
        _time.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(
            Checkout.Orders.GetOrderAsync(Alice, order.Id, default),
            _host.FollowUp.RetryDueLoyaltyAsync(default),
            Checkout.Orders.GetOrderAsync(Alice, order.Id, default));

        Assert.Equal(1, Program.Received(order.CartId, LoyaltyOrderStatus.Refunded));
        Assert.Equal(0m, await PointsAsync(member));
        Assert.Null((await StoredAsync(order.Id)).LoyaltyOwed);
    }

    [Fact]
    public async Task DeclinedPayment_WhenVoidingTheLoyaltyOrderFails_TheCartOwesTheVoid_AndTheBackgroundRetryReturnsTheReward()
    {
        var (member, reward) = Program.NewMember(0m, Money.Of(5m, "USD"));
        var cartId = await RewardCartAsync(member, reward);
        Program.FailNext(LoyaltyOrderStatus.Voided);
        var declined = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_decline", null), "key-1", default);
        var owedAfterDecline = (await StoredCartAsync(cartId)).LoyaltyOwed;
        var lockedAfterDecline = !(await RewardsAsync(member)).Contains(reward);
        await _host.StartHostedServicesAsync();

        // The first retry is due 30 seconds after the failure (Checkout:LoyaltyRetryBackoff).
        var returned = await AdvanceUntilAsync(async () => (await RewardsAsync(member)).Contains(reward), TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        var stored = await StoredCartAsync(cartId);

        Assert.Equal(PaymentStatus.Failed, declined.Value!.Status);
        Assert.Equal(LoyaltyOrderStatus.Placed, declined.Value.Cart.Loyalty!.Status);
        Assert.Equal([LoyaltyOrderStatus.Voided], owedAfterDecline!.Owed.Stages);
        Assert.True(lockedAfterDecline, "the placed reward is locked until the void is taken");
        Assert.True(returned, "the background retry voided the loyalty order and returned the reward");
        Assert.Equal(1, Program.Received(cartId, LoyaltyOrderStatus.Voided));
        Assert.Null(stored.LoyaltyOwed);
        Assert.Equal(LoyaltyOrderStatus.Voided, stored.Cart.Loyalty!.Status);
        Assert.DoesNotContain(SessionDocuments.CartKey(cartId), await DueFollowUpsAsync());

        // The buyer comes back: the voided attempt becomes a new loyalty order that redeems the reward.
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-2", default);
        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(LoyaltyOrderStatus.Completed, paid.Value.Order!.Loyalty!.Status);
        Assert.DoesNotContain(reward, await RewardsAsync(member));
    }

    [Fact]
    public async Task DeclinedPayment_WithAFailedVoid_ThenASuccessfulPayment_NeverVoidsTheBilledLoyaltyOrder()
    {
        var (member, reward) = Program.NewMember(0m, Money.Of(5m, "USD"));
        var cartId = await RewardCartAsync(member, reward);
        Program.FailNext(LoyaltyOrderStatus.Voided);
        await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_decline", null), "key-1", default);
        var owedAfterDecline = (await StoredCartAsync(cartId)).LoyaltyOwed;

        // The payment goes on from the placed stage, before any retry of the void was due.
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-2", default);
        var owedAfterPayment = (await StoredCartAsync(cartId)).LoyaltyOwed;
        var retried = await _host.FollowUp.RetryDueLoyaltyAsync(default);
        await _host.StartHostedServicesAsync();
        _time.Advance(TimeSpan.FromHours(2));
        await Task.Delay(200);
        await _host.FollowUp.RetryDueLoyaltyAsync(default);

        Assert.NotNull(owedAfterDecline);
        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(0, retried);
        Assert.Equal(0, Program.Received(cartId, LoyaltyOrderStatus.Voided));
        Assert.Equal([LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed], Program.StagesOf(cartId).SkipWhile(s => s == LoyaltyOrderStatus.Checkout));
        Assert.DoesNotContain(reward, await RewardsAsync(member));
        Assert.Null(owedAfterPayment);
        Assert.Empty(await DueFollowUpsAsync());
    }

    [Fact]
    public async Task DeclinedPayment_WhileTheProgramStaysDownForVoids_TheCartsRetriesGiveUp_AndTheCartOutlivesItsLifetimeMeanwhile()
    {
        var (member, reward) = Program.NewMember(0m, Money.Of(5m, "USD"));
        var cartId = await RewardCartAsync(member, reward);
        Program.FailNext(LoyaltyOrderStatus.Voided, times: int.MaxValue / 2);
        await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_decline", null), "key-1", default);
        await _host.StartHostedServicesAsync();

        var gaveUp = await AdvanceUntilAsync(async () => (await StoredCartAsync(cartId)).LoyaltyOwed!.Owed.GaveUp, TimeSpan.FromMinutes(30), maxSteps: 200);
        var stored = await StoredCartAsync(cartId);

        Assert.True(gaveUp, "the retries gave up");
        Assert.InRange(stored.LoyaltyOwed!.Owed.Attempts, 40, 100);
        Assert.Equal([LoyaltyOrderStatus.Voided], stored.LoyaltyOwed.Owed.Stages);
        Assert.Equal(LoyaltyOrderStatus.Placed, stored.Cart.Loyalty!.Status);
        Assert.DoesNotContain(SessionDocuments.CartKey(cartId), await DueFollowUpsAsync());
    }

    private Task<bool> AdvanceUntilAsync(Func<Task<bool>> done, TimeSpan step, int maxSteps = 30) => LoyaltyCheckout.AdvanceUntilAsync(_time, done, step, maxSteps);

    /// <summary>3 x 10.00 USD paid by <paramref name="member"/>, no reward: 30 points once completed.</summary>
    private async Task<PaymentResult> PayAsync(string member)
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Loyalty.AttachLoyaltyAsync(Alice, cart.Id, member, Store, null, default);
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 3)], null, default);
        await Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        await Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_ok", null), "key-1", default);
        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors));
        return paid.Value!;
    }

    /// <summary>The order as stored, without the retry a read would make.</summary>
    private async Task<OrderRecord> StoredAsync(string orderId)
    {
        var document = await _host.Services.GetRequiredService<ISessionStore>().GetAsync("order:" + orderId);
        return JsonSerializer.Deserialize<OrderRecord>(document!.Document, CheckoutJson.Options)!;
    }

    private Task<string> RewardCartAsync(string member, string reward) => LoyaltyCheckout.RewardCartAsync(_host, Alice, member, Store, reward);

    private Task<CartSession> StoredCartAsync(string cartId) => LoyaltyCheckout.StoredCartAsync(_host, cartId);

    private Task<IReadOnlyList<string>> DueFollowUpsAsync() => LoyaltyCheckout.FollowUpsAsync(_host);

    private Task<IEnumerable<string>> RewardsAsync(string member) => LoyaltyCheckout.RewardsAsync(_host, member, Store);

    private async Task<decimal> PointsAsync(string member) =>
        (await Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, Store, default)).Value!.Balance.Points;
}
