using System.Globalization;
using System.Text.Json;
using CommerceGateway.Sandbox.Faults;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// Refunds of orders that earned Spendgo points, through <c>/graphql</c> on ExampleShop's US storefront:
/// Spendgo refunds whole orders only (earned points removed, reward returned), so it hears of the
/// refund once the order is refunded in full; until then the order's loyalty status stays COMPLETED.
/// </summary>
public sealed class LoyaltyRefundTests(ExampleLoyaltyFixture fixture) : IClassFixture<ExampleLoyaltyFixture>, IAsyncLifetime
{
    private const string Store = "store-001";

    /// <summary>Points for the 58.00 subtotal less the 5.00 reward: one per whole dollar paid.</summary>
    private const decimal EarnedPoints = 53m;

    private const string OrderFields = "order { id paymentStatus total { amount } amountPaid { amount } amountRefunded { amount currencyCode } loyalty { rewardId discount { amount } status sync pendingStages } }";

    private static readonly string RefundMutation = $"mutation($id: ID!, $amount: Decimal!) {{ orderRefund(orderId: $id, amount: {{ amount: $amount, currencyCode: \"USD\" }}, reason: \"returned\") {{ {OrderFields} userErrors {{ code field message }} }} }}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("spendgo");

    [Fact]
    public async Task FullRefund_TakesBackThePointsTheOrderEarned_AndTheRedeemedRewardIsAvailableAgain()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward, orderId) = await CapturedOrderWithRewardAsync(api);
        var before = await AccountAsync(api, member);

        var refunded = (await RefundAsync(api, orderId, "53.00")).GetProperty("order");
        var after = await AccountAsync(api, member);

        Assert.Equal(EarnedPoints, Points(before));
        Assert.DoesNotContain(reward, RewardIds(before));
        Assert.Equal("REFUNDED", refunded.GetProperty("paymentStatus").GetString());
        Assert.Equal("53.00", refunded.GetProperty("amountRefunded").GetProperty("amount").GetString());
        Assert.Equal("REFUNDED", refunded.GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal(0m, Points(after));
        Assert.Contains(reward, RewardIds(after));
        Assert.Equal("available", await SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward));
        Assert.Equal("REFUNDED", (await OrderAsync(api, orderId)).GetProperty("loyalty").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PartialRefund_KeepsThePointsAndTheLoyaltyOrderCompleted_TheRefundThatCompletesItTakesThemBack()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward, orderId) = await CapturedOrderWithRewardAsync(api);

        var partly = (await RefundAsync(api, orderId, "14.00")).GetProperty("order");
        var afterPart = await AccountAsync(api, member);
        var rewardAfterPart = await SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward);
        var rest = (await RefundAsync(api, orderId, "39.00")).GetProperty("order");
        var afterAll = await AccountAsync(api, member);

        Assert.Equal("PARTIALLY_REFUNDED", partly.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETED", partly.GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal(EarnedPoints, Points(afterPart));
        Assert.Equal("redeemed", rewardAfterPart);
        Assert.Contains(fixture.Host.App.Logs.Entries, e => e.EventId.Id == 2003 && e.Level == LogLevel.Information && Equals(e.Values["OrderId"], orderId));
        Assert.Equal("REFUNDED", rest.GetProperty("paymentStatus").GetString());
        Assert.Equal("53.00", rest.GetProperty("amountRefunded").GetProperty("amount").GetString());
        Assert.Equal("REFUNDED", rest.GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal(0m, Points(afterAll));
        Assert.Contains(reward, RewardIds(afterAll));
    }

    [Fact]
    public async Task FullRefundWhileSpendgoIsDown_RefundsTheMoney_TheOrderShowsTheRefundStillOwed_AndTheNextReadTakesThePointsBack()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (member, reward, orderId) = await CapturedOrderWithRewardAsync(api);
        await fixture.Sandbox.SetFaultAsync("spendgo", new FaultSpec { Status = 503 });

        var refunded = (await RefundAsync(api, orderId, "53.00")).GetProperty("order");
        await fixture.Sandbox.ClearFaultAsync("spendgo");
        // Before the order is read again (the background retry waits 30 seconds first).
        var pointsBeforeTheRead = await SpendgoSandbox.PointsAsync(fixture.Sandbox, member);
        var read = await OrderAsync(api, orderId);

        // The money is back with the buyer at once; the loyalty order follows once Spendgo answers again.
        Assert.Equal("REFUNDED", refunded.GetProperty("paymentStatus").GetString());
        Assert.Equal("COMPLETED", refunded.GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal("RETRYING", refunded.GetProperty("loyalty").GetProperty("sync").GetString());
        Assert.Equal(["REFUNDED"], refunded.GetProperty("loyalty").GetProperty("pendingStages").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(EarnedPoints, pointsBeforeTheRead);
        Assert.Contains(fixture.Host.App.Logs.Entries, e => e.EventId.Id == 2001 && e.Level == LogLevel.Warning && Equals(e.Values["Stage"], "Refunded") && Equals(e.Values["OrderId"], orderId) && Equals(e.Values["Program"], CommerceGatewayHost.Spendgo));
        Assert.Equal("REFUNDED", read.GetProperty("loyalty").GetProperty("status").GetString());
        Assert.Equal("IN_SYNC", read.GetProperty("loyalty").GetProperty("sync").GetString());
        Assert.Empty(read.GetProperty("loyalty").GetProperty("pendingStages").EnumerateArray());
        Assert.Equal(0m, await SpendgoSandbox.PointsAsync(fixture.Sandbox, member));
        Assert.Equal("available", await SpendgoSandbox.RewardStateAsync(fixture.Sandbox, member, reward));
        Assert.Contains(fixture.Host.App.Logs.Entries, e => e.EventId.Id == 2004 && Equals(e.Values["OrderId"], orderId));
    }

    /// <summary>
    /// A new member with no points redeems rw-5off on 2 T-shirts and a mug (USD 58.00), pays the 53.00
    /// left after the reward (authorized) and the order is captured: ExampleShop's order is for 53.00 and
    /// captures 53.00, the reward is redeemed and 53 points are earned.
    /// </summary>
    private async Task<(string Member, string Reward, string OrderId)> CapturedOrderWithRewardAsync(CommerceApi api)
    {
        var (member, reward) = await SpendgoSandbox.NewMemberAsync(fixture.Sandbox, "rw-5off");
        var cartId = (await api.MutateAsync("cartCreate", $"mutation {{ cartCreate(channel: \"{ExampleLoyaltyFixture.Channel}\") {{ cart {{ id currencyCode }} userErrors {{ code field message }} }} }}")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLoyaltyAttach", "mutation($id: ID!, $m: String, $s: String!) { cartLoyaltyAttach(cartId: $id, memberId: $m, store: $s) { cart { id } userErrors { code field message } } }", new { id = cartId, m = member, s = Store });
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-M\", quantity: 2 }, { merchandiseId: \"MUG\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.MutateAsync("cartRewardApply", "mutation($id: ID!, $r: ID!) { cartRewardApply(cartId: $id, rewardId: $r) { cart { id } userErrors { code field message } } }", new { id = cartId, r = reward });
        await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\" }) { cart { id } userErrors { code field message } } }", new { id = cartId });
        var begun = (await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");
        Assert.Equal("USD", begun.GetProperty("currencyCode").GetString());
        Assert.Equal("58.00", begun.GetProperty("cost").GetProperty("subtotal").GetProperty("amount").GetString());
        Assert.Equal("5.00", begun.GetProperty("loyalty").GetProperty("discount").GetProperty("amount").GetString());
        Assert.Equal("5.00", begun.GetProperty("cost").GetProperty("loyaltyDiscount").GetProperty("amount").GetString());
        Assert.Equal("53.00", begun.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString());

        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());
        var orderId = paid.GetProperty("order").GetProperty("id").GetString()!;
        var captured = (await api.MutateAsync("orderCapture", $"mutation($id: ID!) {{ orderCapture(orderId: $id) {{ {OrderFields} userErrors {{ code field message }} }} }}", new { id = orderId })).GetProperty("order");

        Assert.Equal("AUTHORIZED", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("PAID", captured.GetProperty("paymentStatus").GetString());
        Assert.Equal("53.00", captured.GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("53.00", captured.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("COMPLETED", captured.GetProperty("loyalty").GetProperty("status").GetString());
        return (member, reward, orderId);
    }

    private static Task<JsonElement> RefundAsync(CommerceApi api, string orderId, string amount) =>
        api.MutateAsync("orderRefund", RefundMutation, new { id = orderId, amount });

    private static async Task<JsonElement> OrderAsync(CommerceApi api, string orderId) =>
        (await api.DataAsync($"query($id: ID!) {{ {OrderFields.Replace("order {", "order(id: $id) {", StringComparison.Ordinal)} }}", new { id = orderId })).GetProperty("order");

    private static async Task<JsonElement> AccountAsync(CommerceApi api, string member) =>
        (await api.DataAsync("query($m: String!, $s: String!) { loyaltyAccount(memberId: $m, store: $s) { points rewards { id } } }", new { m = member, s = Store })).GetProperty("loyaltyAccount");

    private static decimal Points(JsonElement account) =>
        decimal.Parse(account.GetProperty("points").GetString()!, CultureInfo.InvariantCulture);

    private static List<string> RewardIds(JsonElement account) =>
        [.. account.GetProperty("rewards").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
}
