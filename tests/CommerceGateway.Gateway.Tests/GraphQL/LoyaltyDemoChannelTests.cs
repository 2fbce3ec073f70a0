using System.Globalization;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// The Development defaults' loyalty-demo channel (ExampleShop in dollars, earning and redeeming in
/// spendgo-demo) through <c>/graphql</c>, as the README's loyalty walkthrough runs it: balance and rewards
/// at a store, a reward applied, the discounted total paid and captured, points earned.
/// </summary>
public sealed class LoyaltyDemoChannelTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>
{
    private const string Store = "store-001";

    [Fact]
    public async Task LoyaltyDemo_MemberSeesTheRewards_AppliesOne_PaysTheDiscountedTotal_AndEarnsPoints()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward) = await SpendgoSandbox.NewMemberAsync(fixture.Sandbox, "rw-5off");

        var account = (await api.DataAsync("query($m: String!, $s: String!) { loyaltyAccount(memberId: $m, store: $s, program: \"spendgo-demo\") { points rewards { id title } } }", new { m = member, s = Store })).GetProperty("loyaltyAccount");
        var cartId = (await api.MutateAsync("cartCreate", $"mutation {{ cartCreate(channel: \"{CommerceGatewayHost.LoyaltyDemo}\") {{ cart {{ id currencyCode }} userErrors {{ code field message }} }} }}")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLoyaltyAttach", "mutation($id: ID!, $m: String, $s: String!) { cartLoyaltyAttach(cartId: $id, memberId: $m, store: $s) { cart { id } userErrors { code field message } } }", new { id = cartId, m = member, s = Store });
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-M\", quantity: 2 }, { merchandiseId: \"MUG\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var applied = (await api.MutateAsync("cartRewardApply", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId, r = reward })).GetProperty("cart");
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var paid = await api.MutateAsync(
            "checkoutSubmitPayment",
            "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspToken: \"tok_visa\", pspName: \"stripe\", amount: { amount: \"53.00\", currencyCode: \"USD\" } }) { paymentStatus order { id total { amount } } userErrors { code field message } } }",
            new { id = cartId, key = OrderFlowCheckoutTests.NewKey() });
        var orderId = paid.GetProperty("order").GetProperty("id").GetString();
        var captured = (await api.MutateAsync("orderCapture", "mutation($id: ID!) { orderCapture(orderId: $id) { order { paymentStatus amountPaid { amount } loyalty { status } } userErrors { code field message } } }", new { id = orderId })).GetProperty("order");
        var after = (await api.DataAsync("query($m: String!, $s: String!) { loyaltyAccount(memberId: $m, store: $s, program: \"spendgo-demo\") { points rewards { id } } }", new { m = member, s = Store })).GetProperty("loyaltyAccount");

        Assert.Equal(0m, Points(account));
        Assert.Contains(reward, account.GetProperty("rewards").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("USD", applied.GetProperty("currencyCode").GetString());
        Assert.Equal("5.00", applied.GetProperty("cost").GetProperty("loyaltyDiscount").GetProperty("amount").GetString());
        Assert.Equal("53.00", applied.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("53.00", paid.GetProperty("order").GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("PAID", captured.GetProperty("paymentStatus").GetString());
        Assert.Equal("53.00", captured.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("COMPLETED", captured.GetProperty("loyalty").GetProperty("status").GetString());
        Assert.True(Points(after) > 0m, "points earned for the paid order: " + after);
        Assert.DoesNotContain(reward, after.GetProperty("rewards").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("redeemed", await SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward));
    }

    private static decimal Points(System.Text.Json.JsonElement account) =>
        decimal.Parse(account.GetProperty("points").GetString()!, CultureInfo.InvariantCulture);
}
