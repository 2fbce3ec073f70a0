using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// A payment that provably never reached the backend charged nothing: the cart is not left in doubt, its
/// loyalty order and any void it owed stay as they were, and the next payment pays. A payment that may
/// have reached it stays in doubt, so a backend that cannot be asked is never charged twice.
/// </summary>
public sealed class NeverSentPaymentTests : IDisposable
{
    private const string Store = "store-1";
    private static readonly ClientContext Alice = new("storefront-alice");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ChargeLedger _ledger = new();
    private readonly CheckoutHost _host;

    public NeverSentPaymentTests() => _host = new CheckoutHost(_ledger, time: _time);

    private CheckoutServices Checkout => _host.Checkout;

    private TestLoyaltyProgram Program => _host.Loyalty;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SubmitPayment_ThatNeverReachedTheBackend_IsTheUnavailableFault_AndANewKeyPaysOnce()
    {
        var cartId = await PayableCartAsync();

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_unreachable", null), "key-1", default));
        var stored = await StoredCartAsync(cartId);
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-2", default);

        Assert.Equal(CommerceErrorCodes.BackendUnavailable, error.Code);
        Assert.Null(stored.PaymentInDoubt);
        Assert.Equal(CheckoutStatus.Open, stored.Cart.Checkout.Status);
        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors));
        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(1, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_WhoseAnswerWasLost_RetriedWithANewKey_IsOutcomeUnknown_AndNeverChargedTwice()
    {
        var cartId = await PayableCartAsync();

        await Assert.ThrowsAsync<BackendTimeoutException>(() => Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_lost", null), "key-1", default));
        var retried = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-2", default);
        var stored = await StoredCartAsync(cartId);

        Assert.Equal(CheckoutErrorCodes.PaymentOutcomeUnknown, Assert.Single(retried.Errors).Code);
        Assert.NotNull(stored.PaymentInDoubt);
        Assert.Equal(1, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_ANewKeyAfterADeclineWhoseAnswerWasLost_IsTriedAndPaysOnce()
    {
        var cartId = await PayableCartAsync();
        await Assert.ThrowsAsync<BackendTimeoutException>(() => Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_lost_decline", null), "key-1", default));

        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-2", default);

        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors));
        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(1, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_TheSameRequestRetriedAfterItsDeclineWasLost_IsAnsweredWithTheDecline_AndNotTriedAgain()
    {
        var cartId = await PayableCartAsync();
        var request = new PaymentRequest("tok_lost_decline", null);
        await Assert.ThrowsAsync<BackendTimeoutException>(() => Checkout.Payments.SubmitPaymentAsync(Alice, cartId, request, "key-1", default));
        // The idempotency claim of key-1 lapses, so the retry reaches the payment again.
        _time.Advance(TimeSpan.FromMinutes(10));

        var retried = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, request, "key-1", default);

        Assert.Equal(CommerceErrorCodes.PaymentDeclined, Assert.Single(retried.Errors).Code);
        Assert.Equal(0, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_NeverSentAfterADeclineWhoseVoidFailed_TheCartStillOwesTheVoid_AndTheBackgroundRetryReturnsTheReward()
    {
        var (member, reward) = Program.NewMember(0m, Money.Of(5m, "USD"));
        var cartId = await RewardCartAsync(member, reward);
        Program.FailNext(LoyaltyOrderStatus.Voided);
        await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_decline", null), "key-1", default);

        await Assert.ThrowsAsync<BackendUnavailableException>(() => Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_unreachable", null), "key-2", default));
        var owed = (await StoredCartAsync(cartId)).LoyaltyOwed;
        var due = await DueFollowUpsAsync();
        await _host.StartHostedServicesAsync();
        var returned = await AdvanceUntilAsync(async () => (await RewardsAsync(member)).Contains(reward), TimeSpan.FromSeconds(10));

        Assert.Equal([LoyaltyOrderStatus.Voided], owed!.Owed.Stages);
        Assert.Contains(SessionDocuments.CartKey(cartId), due);
        Assert.True(returned, "the background retry voided the loyalty order and returned the reward");
        Assert.Equal(1, Program.Received(cartId, LoyaltyOrderStatus.Voided));
        Assert.Equal(0, _ledger.Charges);
    }

    [Theory]
    [InlineData("tok_invalid")]
    [InlineData("tok_expired")]
    public async Task SubmitPayment_RefusedByTheBackendAfterADeclineWhoseVoidFailed_TheCartStillOwesTheVoid_AndTheBackgroundRetryReturnsTheReward(string refusedToken)
    {
        var (member, reward) = Program.NewMember(0m, Money.Of(5m, "USD"));
        var cartId = await RewardCartAsync(member, reward);
        Program.FailNext(LoyaltyOrderStatus.Voided);
        await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_decline", null), "key-1", default);

        var refused = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest(refusedToken, null), "key-2", default);
        var stored = await StoredCartAsync(cartId);
        var due = await DueFollowUpsAsync();
        await _host.StartHostedServicesAsync();
        var returned = await AdvanceUntilAsync(async () => (await RewardsAsync(member)).Contains(reward), TimeSpan.FromSeconds(10));

        Assert.False(refused.Succeeded);
        Assert.Null(stored.PaymentInDoubt);
        Assert.Equal([LoyaltyOrderStatus.Voided], stored.LoyaltyOwed!.Owed.Stages);
        Assert.Contains(SessionDocuments.CartKey(cartId), due);
        Assert.True(returned, "the background retry voided the loyalty order and returned the reward");
        Assert.Equal(1, Program.Received(cartId, LoyaltyOrderStatus.Voided));
        Assert.Equal(0, _ledger.Charges);
    }

    [Fact]
    public async Task SubmitPayment_NeverSentWithAReward_KeepsTheLoyaltyOrderPlaced_AndTheNextPaymentRedeemsItOnce()
    {
        var (member, reward) = Program.NewMember(0m, Money.Of(5m, "USD"));
        var cartId = await RewardCartAsync(member, reward);

        await Assert.ThrowsAsync<BackendUnavailableException>(() => Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_unreachable", null), "key-1", default));
        var stored = await StoredCartAsync(cartId);
        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cartId, new PaymentRequest("tok_ok", null), "key-2", default);

        Assert.Equal(LoyaltyOrderStatus.Placed, stored.Cart.Loyalty!.Status);
        Assert.Null(stored.LoyaltyOwed);
        Assert.Equal(PaymentStatus.Paid, paid.Value!.Status);
        Assert.Equal(LoyaltyOrderStatus.Completed, paid.Value.Order!.Loyalty!.Status);
        Assert.Equal(1, Program.Received(cartId, LoyaltyOrderStatus.Placed));
        Assert.Equal(0, Program.Received(cartId, LoyaltyOrderStatus.Voided));
        Assert.DoesNotContain(reward, await RewardsAsync(member));
        Assert.Equal([Money.Of(25m, "USD")], _ledger.Amounts);
    }

    private async Task<string> PayableCartAsync()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 2)], null, default);
        await Checkout.Carts.UpdateBuyerAsync(Alice, cart.Id, new Buyer("alice@example.test"), null, default);
        await Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);
        return cart.Id;
    }

    private Task<string> RewardCartAsync(string member, string reward) => LoyaltyCheckout.RewardCartAsync(_host, Alice, member, Store, reward);

    private Task<bool> AdvanceUntilAsync(Func<Task<bool>> done, TimeSpan step, int maxSteps = 30) => LoyaltyCheckout.AdvanceUntilAsync(_time, done, step, maxSteps);

    private Task<CartSession> StoredCartAsync(string cartId) => LoyaltyCheckout.StoredCartAsync(_host, cartId);

    private Task<IReadOnlyList<string>> DueFollowUpsAsync() => LoyaltyCheckout.FollowUpsAsync(_host);

    private Task<IEnumerable<string>> RewardsAsync(string member) => LoyaltyCheckout.RewardsAsync(_host, member, Store);
}
