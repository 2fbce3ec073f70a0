using CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;
using CommerceGateway.Testing;
using static CommerceGateway.Adapters.Spendgo.Tests.Infrastructure.SpendgoOrders;

namespace CommerceGateway.Adapters.Spendgo.Tests;

/// <summary>Repeated stage calls: the member never gets points twice, whoever repeats the call.</summary>
public sealed class SpendgoRetryTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => SpendgoTestChannel.Bounded;

    [Fact]
    public async Task SubmitOrder_CompletedSentTwice_AwardsPointsOnceAndAnswersTheSameResult()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        var first = await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed);

        var again = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Completed, Discount = first.Discount }, Ct);

        Assert.Equal(first, again);
        Assert.Equal(35m, (await channel.Backend.GetBalanceAsync(member, Ct)).Points);
        Assert.Contains(channel.Traffic.Exchanges, e => e.Path.EndsWith("/orders", StringComparison.Ordinal) && e.Status == 409);
    }

    [Fact]
    public async Task SubmitOrder_CompletedRetriedByAnotherGatewayInstance_AwardsPointsOnce()
    {
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        using (var first = new SpendgoTestChannel(sandbox))
        {
            await RunAsync(first.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed);
        }

        using var second = new SpendgoTestChannel(sandbox);
        var replayed = await second.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Completed, Discount = Usd(5.00m) }, Ct);

        Assert.Equal((LoyaltyOrderStatus.Completed, 35m, 35m), (replayed.Status, replayed.PointsEarned, replayed.Balance!.Value));
        Assert.Equal(35m, (await second.Backend.GetBalanceAsync(member, Ct)).Points);
    }

    [Fact]
    public async Task SubmitOrder_CompletedAfterATransient503_IsRetriedAndAwardsPointsOnce()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, _) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m);
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, null, null, Downtown, Item("PLATTER", 40.00m));
        await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed);
        channel.Traffic.InjectFault("/orders", "status=503");

        var completed = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Completed }, Ct);

        Assert.Equal(40m, completed.PointsEarned);
        Assert.Equal(40m, (await channel.Backend.GetBalanceAsync(member, Ct)).Points);
        Assert.Equal([503, 200], channel.Traffic.Exchanges.Where(e => e.Path.EndsWith("/orders", StringComparison.Ordinal)).TakeLast(2).Select(e => e.Status));
    }

    [Fact]
    public async Task SubmitOrder_BilledResentAfterTheOrderCompleted_AnswersTheCompletedOrderWithoutApplyingAnything()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed);

        var billed = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Billed, Discount = Usd(5.00m) }, Ct);

        Assert.Equal(LoyaltyOrderStatus.Completed, billed.Status);
        Assert.Equal(35m, (await channel.Backend.GetBalanceAsync(member, Ct)).Points);
    }

    [Fact]
    public async Task SubmitOrder_VoidedSentTwice_ReturnsTheRewardOnce()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Voided);
        // The returned reward is taken by another order meanwhile; a second void must not free it.
        var other = checkout with { OrderId = NewOrderId() };
        await RunAsync(channel.Backend, other, Ct, LoyaltyOrderStatus.Placed);

        var again = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Voided, Discount = Usd(5.00m) }, Ct);

        Assert.Equal(LoyaltyOrderStatus.Voided, again.Status);
        Assert.Equal("locked", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-5off"]));
    }
}
