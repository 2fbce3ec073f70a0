using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A Spendgo reward on ExampleShop's US storefront through <c>/graphql</c>, against the real sandboxes:
/// the cart's total, ExampleShop's order and the authorized amount are the subtotal less the reward,
/// a payment for the undiscounted total is refused, and the reward follows the payment (voided on a
/// decline, placed on the retry).
/// </summary>
public sealed class LoyaltyRewardDiscountTests(ExampleLoyaltyFixture fixture) : IClassFixture<ExampleLoyaltyFixture>, IAsyncLifetime
{
    private const string Store = "store-001";

    private const string PayWithAmountMutation = """
        mutation($cartId: ID!, $token: String!, $key: String!, $amount: Decimal!) {
          checkoutSubmitPayment(cartId: $cartId, payment: { pspToken: $token, pspName: "stripe", amount: { amount: $amount, currencyCode: "USD" } }, idempotencyKey: $key) {
            paymentStatus
            cart { id cost { total { amount } loyaltyDiscount { amount } } loyalty { rewardId status } }
            order { id total { amount } paymentStatus }
            userErrors { code field message }
          }
        }
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("spendgo");

    [Fact]
    public async Task RewardApplied_TheCartShowsTheDiscountedTotal_AndExampleShopOrdersAndAuthorizesThatAmount()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await SpendgoSandbox.NewMemberAsync(fixture.Sandbox, "rw-5off");
        var (cartId, cart) = await ReadyToPayAsync(api, member, reward);

        var paid = await api.MutateAsync("checkoutSubmitPayment", PayWithAmountMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey(), amount = "53.00" });

        Assert.Equal("58.00", cart.GetProperty("cost").GetProperty("subtotal").GetProperty("amount").GetString());
        Assert.Equal("5.00", cart.GetProperty("cost").GetProperty("discounts").GetProperty("amount").GetString());
        Assert.Equal("5.00", cart.GetProperty("cost").GetProperty("loyaltyDiscount").GetProperty("amount").GetString());
        Assert.Equal("53.00", cart.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());

        // The order's total is ExampleShop's own: its order carries the discount and was authorized for 53.00.
        Assert.Equal("53.00", paid.GetProperty("order").GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("PLACED", paid.GetProperty("cart").GetProperty("loyalty").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PayingTheTotalBeforeTheReward_IsAnInvalidAmount_NothingIsChargedAndTheRewardStaysAvailable()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await SpendgoSandbox.NewMemberAsync(fixture.Sandbox, "rw-5off");
        var (cartId, _) = await ReadyToPayAsync(api, member, reward);

        var refused = await api.FailAsync("checkoutSubmitPayment", "INVALID_INPUT", PayWithAmountMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey(), amount = "58.00" });
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);

        var error = refused.GetProperty("userErrors")[0];
        Assert.Equal("amount", error.GetProperty("field")[0].GetString());
        Assert.Contains("53.00 USD", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("order").ValueKind);
        Assert.NotEqual("COMPLETE", cart.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal("available", await SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward));
    }

    [Fact]
    public async Task RewardOnDeclinedPayment_IsVoidedAndReturned_ThenTheRetryPaysTheDiscountedTotalAndRedeemsIt()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await SpendgoSandbox.NewMemberAsync(fixture.Sandbox, "rw-5off");
        var (cartId, _) = await ReadyToPayAsync(api, member, reward);

        var declined = await api.FailAsync("checkoutSubmitPayment", "PAYMENT_DECLINED", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_declined", key = OrderFlowCheckoutTests.NewKey() });
        var stateAfterDecline = await SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward);
        var paid = await api.MutateAsync("checkoutSubmitPayment", PayWithAmountMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey(), amount = "53.00" });
        var orderId = paid.GetProperty("order").GetProperty("id").GetString()!;
        var captured = (await api.MutateAsync("orderCapture", "mutation($id: ID!) { orderCapture(orderId: $id) { order { amountPaid { amount } loyalty { status } } userErrors { code field message } } }", new { id = orderId })).GetProperty("order");

        Assert.Equal("FAILED", declined.GetProperty("paymentStatus").GetString());
        Assert.Equal("VOIDED", declined.GetProperty("cart").GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal("available", stateAfterDecline);
        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("53.00", captured.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("COMPLETED", captured.GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal("redeemed", await SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward));
    }

    [Fact]
    public async Task RewardBelowItsMinimum_IsRewardNotApplicable_AndTheTotalIsUnchanged()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await SpendgoSandbox.NewMemberAsync(fixture.Sandbox, "rw-10pct");
        var cartId = await CartWithMemberAsync(api, member, "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"MUG\", quantity: 1 }]) { cart { id } userErrors { code field message } } }");

        await api.FailAsync("cartRewardApply", "REWARD_NOT_APPLICABLE", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { id } userErrors { code field message } } }", new { id = cartId, r = reward });
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);

        Assert.Equal("14.00", cart.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal(JsonValueKind.Null, cart.GetProperty("cost").GetProperty("loyaltyDiscount").ValueKind);
    }

    [Fact]
    public async Task LoyaltyOutage_WithARewardApplied_IsABackendUnavailableErrorNamingTheProgram_AndNothingIsCharged()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await SpendgoSandbox.NewMemberAsync(fixture.Sandbox, "rw-5off");
        var (cartId, _) = await ReadyToPayAsync(api, member, reward);
        await fixture.Sandbox.SetFaultAsync("spendgo", new FaultSpec { Status = 503 });

        // The reward cannot be confirmed, so the payment is not attempted: the discount it owes the buyer is unknown.
        var refused = await api.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        await fixture.Sandbox.ClearFaultAsync("spendgo");
        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());

        Assert.True(refused.TryGetProperty("errors", out var errors), "expected a GraphQL error: " + refused);
        Assert.Equal("BACKEND_UNAVAILABLE", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(CommerceGatewayHost.Spendgo, errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("COMPLETE", cart.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal(reward, cart.GetProperty("loyalty").GetProperty("rewardId").GetString());
        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("PLACED", paid.GetProperty("cart").GetProperty("loyalty").GetProperty("status").GetString());
    }

    /// <summary>2 T-shirts and a mug (USD 58.00) for <paramref name="member"/> with <paramref name="reward"/> applied, an email and checkout begun.</summary>
    private static async Task<(string CartId, JsonElement Cart)> ReadyToPayAsync(CommerceApi api, string member, string reward)
    {
        var cartId = await CartWithMemberAsync(api, member, "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-M\", quantity: 2 }, { merchandiseId: \"MUG\", quantity: 1 }]) { cart { id } userErrors { code field message } } }");
        await api.MutateAsync("cartRewardApply", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { id } userErrors { code field message } } }", new { id = cartId, r = reward });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var begun = (await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");
        return (cartId, begun);
    }

    private static async Task<string> CartWithMemberAsync(CommerceApi api, string member, string addLines)
    {
        var cartId = (await api.MutateAsync("cartCreate", $"mutation {{ cartCreate(channel: \"{ExampleLoyaltyFixture.Channel}\") {{ cart {{ id }} userErrors {{ code field message }} }} }}")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLoyaltyAttach", "mutation($id: ID!, $m: String, $s: String!) { cartLoyaltyAttach(cartId: $id, memberId: $m, store: $s) { cart { id } userErrors { code field message } } }", new { id = cartId, m = member, s = Store });
        await api.MutateAsync("cartLinesAdd", addLines, new { id = cartId });
        return cartId;
    }
}
