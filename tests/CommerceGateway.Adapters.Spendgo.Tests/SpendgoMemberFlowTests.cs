using CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;
using CommerceGateway.Testing;
using static CommerceGateway.Adapters.Spendgo.Tests.Infrastructure.SpendgoOrders;

namespace CommerceGateway.Adapters.Spendgo.Tests;

/// <summary>The whole member and guest flows of the seed, against the sandbox over HTTP.</summary>
public sealed class SpendgoMemberFlowTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => SpendgoTestChannel.Bounded;

    [Fact]
    public async Task GetBalanceAndRewards_Member_ReturnsPointsAndTheRewardsUsableAtTheStore()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 35m, "rw-5off", "rw-coffee", "rw-10pct");

        var balance = await channel.Backend.GetBalanceAsync(member, Ct);
        var downtown = await channel.Backend.GetRewardsAsync(member, Downtown, Ct);
        var airport = await channel.Backend.GetRewardsAsync(member, Airport, Ct);

        Assert.Equal(new LoyaltyBalance(member, 35m), balance);
        Assert.Equal([rewards["rw-5off"], rewards["rw-coffee"], rewards["rw-10pct"], rewards["rw-bank"]], downtown.Select(r => r.Id));
        Assert.Equal(Usd(20.00m), downtown[0].MinimumSubtotal);
        Assert.Equal("$5 off", downtown[0].Title);
        Assert.Contains("$20.00", downtown[0].Description, StringComparison.Ordinal);
        Assert.DoesNotContain(airport, r => r.Id == rewards["rw-coffee"]);
    }

    [Fact]
    public async Task SubmitOrder_MemberFlowWithReward_SameDiscountAtEveryStageRewardUsedAndPointsAwarded()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 100m, "rw-5off");
        var orderId = NewOrderId();
        var checkout = Order(orderId, member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("SANDWICH", 12.50m, 2));

        var checkedOut = await channel.Backend.SubmitOrderAsync(checkout, Ct);
        Assert.Equal(new LoyaltyOrderResult(orderId, LoyaltyOrderStatus.Checkout, Usd(5.00m), 0m, 100m), checkedOut);

        var placed = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Placed, Discount = checkedOut.Discount }, Ct);
        Assert.Equal("locked", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-5off"]));
        var billed = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Billed, Discount = checkedOut.Discount }, Ct);
        Assert.DoesNotContain(await channel.Backend.GetRewardsAsync(member, Downtown, Ct), r => r.Id == rewards["rw-5off"]);
        var completed = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Completed, Discount = checkedOut.Discount }, Ct);

        Assert.Equal([Usd(5.00m), Usd(5.00m), Usd(5.00m)], new[] { placed.Discount, billed.Discount, completed.Discount });
        Assert.Equal(LoyaltyOrderStatus.Completed, completed.Status);
        Assert.Equal(20m, completed.PointsEarned);
        Assert.Equal(120m, completed.Balance);
        Assert.Equal(120m, (await channel.Backend.GetBalanceAsync(member, Ct)).Points);
        Assert.Equal("redeemed", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-5off"]));

        // Every stage went out under the same order id, to the member's orders endpoint.
        Assert.Equal(4, channel.Traffic.Count($"/loyalty/accounts/{member}/orders"));
    }

    [Fact]
    public async Task SubmitOrder_CheckoutResentAfterTheCartChanged_ReturnsTheDiscountOfTheNewCart()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-10pct");
        var orderId = NewOrderId();

        var first = await channel.Backend.SubmitOrderAsync(Order(orderId, member, LoyaltyOrderStatus.Checkout, rewards["rw-10pct"], null, Downtown, Item("SALAD", 15.00m, 2)), Ct);
        var bigger = Order(orderId, member, LoyaltyOrderStatus.Checkout, rewards["rw-10pct"], null, Downtown, Item("SALAD", 15.00m, 2), Item("SOUP", 6.35m));
        var second = await channel.Backend.SubmitOrderAsync(bigger, Ct);
        var placed = await channel.Backend.SubmitOrderAsync(bigger with { Status = LoyaltyOrderStatus.Placed, Discount = second.Discount }, Ct);

        Assert.Equal(Usd(3.00m), first.Discount);
        Assert.Equal(Usd(3.64m), second.Discount);
        Assert.Equal(Usd(3.64m), placed.Discount);
    }

    [Fact]
    public async Task SubmitOrder_GuestFlow_LinksToNoMemberAndAwardsNoPoints()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var checkout = Order(NewOrderId(), null, LoyaltyOrderStatus.Checkout, null, null, Airport, Item("COFFEE-LG", 4.25m, 2));

        var completed = await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed);

        Assert.Equal(new LoyaltyOrderResult(checkout.OrderId, LoyaltyOrderStatus.Completed, Usd(0m), 0m, null), completed);
        Assert.Equal(4, channel.Traffic.Count("/loyalty/accounts/guest/orders"));
    }

    [Fact]
    public async Task SubmitOrder_PointsBanking_DiscountFromBankedPointsTakesThePointsAtBilling()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 75m);
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-bank"], null, Downtown, Item("LUNCH-BOX", 18.40m));

        var checkedOut = await channel.Backend.SubmitOrderAsync(checkout, Ct);
        var billed = await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed);

        // 75 points bank $7 (10 points a dollar); billing spends 70 of them.
        Assert.Equal(Usd(7.00m), checkedOut.Discount);
        Assert.Equal(5m, billed.Balance);
    }
}
