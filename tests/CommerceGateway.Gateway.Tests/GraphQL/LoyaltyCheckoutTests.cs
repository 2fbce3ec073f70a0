using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Spendgo loyalty on an OrderFlow channel through <c>/graphql</c>: account, reward, voided on decline, billed on success.</summary>
public sealed class LoyaltyCheckoutTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("spendgo");

    [Fact]
    public async Task LoyaltyAccount_ShowsTheSeededMembersBalanceAndRewards()
    {
        using var api = await fixture.Host.StorefrontAsync();

        var account = (await api.DataAsync("{ loyaltyAccount(memberId: \"sg-1001\", store: \"store-001\") { memberId points rewards { id title } } }")).GetProperty("loyaltyAccount");

        Assert.Equal("sg-1001", account.GetProperty("memberId").GetString());
        Assert.True(decimal.Parse(account.GetProperty("points").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(account.GetProperty("rewards").GetArrayLength() > 0);
    }

    [Fact]
    public async Task RewardOnDeclinedPayment_IsVoidedAndReturned_ThenTheRetryBillsIt()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await NewMemberAsync("rw-5off");
        var cart = await OrderFlowCheckoutTests.ReadyToPayAsync(api, async id =>
            await api.MutateAsync("cartLoyaltyAttach", "mutation($id: ID!, $m: String) { cartLoyaltyAttach(cartId: $id, memberId: $m, store: \"store-001\") { cart { id } userErrors { code field message } } }", new { id, m = member }));
        var cartId = cart.GetProperty("id").GetString()!;
        var withReward = (await api.MutateAsync("cartRewardApply", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { loyalty { rewardId discount { amount } } } userErrors { code field message } } }", new { id = cartId, r = reward })).GetProperty("cart");
        Assert.Equal("5.00", withReward.GetProperty("loyalty").GetProperty("discount").GetProperty("amount").GetString());

        var declined = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_chargeDeclined", OrderFlowCheckoutTests.NewKey());
        var stateAfterDecline = await RewardStateAsync(member, reward);
        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());

        Assert.Equal("VOIDED", declined.GetProperty("cart").GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal("available", stateAfterDecline);
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Contains(paid.GetProperty("cart").GetProperty("loyalty").GetProperty("status").GetString(), new[] { "BILLED", "COMPLETED" });
        Assert.Equal("redeemed", await RewardStateAsync(member, reward));
    }

    [Fact]
    public async Task RewardBelowItsMinimum_IsRewardNotApplicable()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await NewMemberAsync("rw-10pct");
        var cartId = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"orderflow-demo\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString();
        await api.MutateAsync("cartLoyaltyAttach", "mutation($id: ID!, $m: String) { cartLoyaltyAttach(cartId: $id, memberId: $m, store: \"store-001\") { cart { id } userErrors { code field message } } }", new { id = cartId, m = member });
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"3456\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });

        await api.FailAsync("cartRewardApply", "REWARD_NOT_APPLICABLE", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { id } userErrors { code field message } } }", new { id = cartId, r = reward });
    }

    [Fact]
    public async Task MemberWithoutAReward_EarnsPointsForThePaidOrder()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, _) = await NewMemberAsync("rw-5off");
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(api, id => AttachAsync(api, id, member))).GetProperty("id").GetString()!;

        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());

        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETED", paid.GetProperty("cart").GetProperty("loyalty").GetProperty("status").GetString());
        Assert.True(await PointsAsync(member) > 0, "the member earned points for the 200.00 order");
    }

    [Fact]
    public async Task LoyaltyOutage_MemberWithoutAReward_StillPays()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, _) = await NewMemberAsync("rw-5off");
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(api, id => AttachAsync(api, id, member))).GetProperty("id").GetString()!;
        await fixture.Sandbox.SetFaultAsync("spendgo", new FaultSpec { Status = 503 });

        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());

        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETE", paid.GetProperty("cart").GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, paid.GetProperty("order").GetProperty("id").ValueKind);

        // The points were not recorded (the program was down); the gateway reconciles them later instead of failing the buyer.
        Assert.DoesNotContain(paid.GetProperty("cart").GetProperty("loyalty").GetProperty("status").ToString(), new[] { "BILLED", "COMPLETED" });
    }

    [Fact]
    public async Task LoyaltyOutage_WithARewardAttached_IsABackendUnavailableErrorNamingTheProgram_AndNothingIsCharged()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await NewMemberAsync("rw-5off");
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(api, id => AttachAsync(api, id, member))).GetProperty("id").GetString()!;
        await api.MutateAsync("cartRewardApply", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { id } userErrors { code field message } } }", new { id = cartId, r = reward });
        await fixture.Sandbox.SetFaultAsync("spendgo", new FaultSpec { Status = 503 });

        // The reward cannot be redeemed, so the payment is not attempted: charging without the discount would overcharge.
        var refused = await api.SendAsync(OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        await fixture.Sandbox.ClearFaultAsync("spendgo");
        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());

        Assert.True(refused.TryGetProperty("errors", out var errors), "expected a GraphQL error: " + refused);
        Assert.Equal("BACKEND_UNAVAILABLE", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("spendgo-demo", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["checkoutSubmitPayment"], errors[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.NotEqual("COMPLETE", cart.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal(reward, cart.GetProperty("loyalty").GetProperty("rewardId").GetString());
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("redeemed", await RewardStateAsync(member, reward));
    }

    private static async Task AttachAsync(CommerceApi api, string cartId, string member) =>
        await api.MutateAsync("cartLoyaltyAttach", "mutation($id: ID!, $m: String) { cartLoyaltyAttach(cartId: $id, memberId: $m, store: \"store-001\") { cart { id } userErrors { code field message } } }", new { id = cartId, m = member });

    private Task<(string Member, string Reward)> NewMemberAsync(string rewardCode) => SpendgoSandbox.NewMemberAsync(fixture.Sandbox, rewardCode);

    private Task<decimal> PointsAsync(string member) => SpendgoSandbox.PointsAsync(fixture.Sandbox, member);

    private Task<string> RewardStateAsync(string member, string reward) => SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward);
}
