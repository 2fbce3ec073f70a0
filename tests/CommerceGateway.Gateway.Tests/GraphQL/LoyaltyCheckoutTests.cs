using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// Spendgo loyalty on an OrderFlow channel through <c>/graphql</c>: account, points for paid orders, and
/// rewards refused because OrderFlow cannot take their discount off (see <see cref="LoyaltyRewardDiscountTests"/>
/// for rewards on a channel that can).
/// </summary>
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
    public async Task Reward_OnOrderFlowWhichCannotTakeADiscountOff_IsNotSupported_TheRewardStaysAvailable_AndTheBuyerPaysTheFullTotal()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await NewMemberAsync("rw-5off");
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(api, id => AttachAsync(api, id, member))).GetProperty("id").GetString()!;

        // OrderFlow bills exactly its own invoice total and has no discount call: redeeming the reward would charge 200.00 for it.
        var refused = await api.FailAsync("cartRewardApply", "NOT_SUPPORTED", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { id } userErrors { code field message } } }", new { id = cartId, r = reward });
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());

        Assert.Contains("LoyaltyDiscounts", refused.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, cart.GetProperty("loyalty").GetProperty("rewardId").ValueKind);
        Assert.Equal("200.00", cart.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETED", paid.GetProperty("cart").GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal("available", await RewardStateAsync(member, reward));
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

    private static async Task AttachAsync(CommerceApi api, string cartId, string member) =>
        await api.MutateAsync("cartLoyaltyAttach", "mutation($id: ID!, $m: String) { cartLoyaltyAttach(cartId: $id, memberId: $m, store: \"store-001\") { cart { id } userErrors { code field message } } }", new { id = cartId, m = member });

    private Task<(string Member, string Reward)> NewMemberAsync(string rewardCode) => SpendgoSandbox.NewMemberAsync(fixture.Sandbox, rewardCode);

    private Task<decimal> PointsAsync(string member) => SpendgoSandbox.PointsAsync(fixture.Sandbox, member);

    private Task<string> RewardStateAsync(string member, string reward) => SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward);
}
