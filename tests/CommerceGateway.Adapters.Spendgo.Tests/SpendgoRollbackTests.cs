using CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;
using CommerceGateway.Testing;
using static CommerceGateway.Adapters.Spendgo.Tests.Infrastructure.SpendgoOrders;

namespace CommerceGateway.Adapters.Spendgo.Tests;

/// <summary>Payment failure (voided) and refund (refunded): what the member gets back.</summary>
public sealed class SpendgoRollbackTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => SpendgoTestChannel.Bounded;

    [Theory]
    [InlineData(LoyaltyOrderStatus.Placed)]
    [InlineData(LoyaltyOrderStatus.Billed)]
    public async Task SubmitOrder_VoidedAfterPaymentFailure_ReturnsTheRewardToTheMember(LoyaltyOrderStatus reached)
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 10m, "rw-5off");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        LoyaltyOrderStatus[] stages = reached == LoyaltyOrderStatus.Placed ? [LoyaltyOrderStatus.Placed] : [LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed];
        await RunAsync(channel.Backend, checkout, Ct, stages);

        var voided = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Voided, Discount = Usd(5.00m) }, Ct);

        Assert.Equal(LoyaltyOrderStatus.Voided, voided.Status);
        Assert.Equal(10m, voided.Balance);
        Assert.Contains(await channel.Backend.GetRewardsAsync(member, Downtown, Ct), r => r.Id == rewards["rw-5off"]);

        // The returned reward works again on the buyer's next attempt (a new order id).
        var retry = await channel.Backend.SubmitOrderAsync(checkout with { OrderId = NewOrderId() }, Ct);
        Assert.Equal(Usd(5.00m), retry.Discount);
    }

    [Fact]
    public async Task SubmitOrder_VoidedBankingOrder_GivesTheSpentPointsBack()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 50m);
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-bank"], null, Downtown, Item("PLATTER", 40.00m));
        var billed = await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed);
        Assert.Equal(0m, billed.Balance);

        var voided = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Voided, Discount = billed.Discount }, Ct);

        Assert.Equal(50m, voided.Balance);
    }

    [Fact]
    public async Task SubmitOrder_RefundedAfterCompletion_RemovesEarnedPointsAndReturnsTheReward()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 30m, "rw-5off");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        var completed = await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed);
        Assert.Equal((35m, 65m), (completed.PointsEarned, completed.Balance!.Value));

        var refunded = await channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Refunded, Discount = completed.Discount }, Ct);

        Assert.Equal(LoyaltyOrderStatus.Refunded, refunded.Status);
        Assert.Equal(0m, refunded.PointsEarned);
        Assert.Equal(30m, refunded.Balance);
        Assert.Equal(30m, (await channel.Backend.GetBalanceAsync(member, Ct)).Points);
        Assert.Equal("available", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-5off"]));
    }

    [Fact]
    public async Task SubmitOrder_RefundOfAVoidedOrder_IsRefusedWithTheTransitionsAllowed()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var checkout = Order(NewOrderId(), null, LoyaltyOrderStatus.Checkout, null, null, Downtown, Item("PLATTER", 40.00m));
        await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Voided);

        var error = await Assert.ThrowsAsync<BackendConflictException>(() => channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Refunded }, Ct));

        Assert.Equal("invalid_transition", error.BackendCode);
        Assert.Contains("is voided; it cannot become refunded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitOrder_BilledBeforePlaced_IsRefused()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var checkout = Order(NewOrderId(), null, LoyaltyOrderStatus.Checkout, null, null, Downtown, Item("PLATTER", 40.00m));
        await channel.Backend.SubmitOrderAsync(checkout, Ct);

        var error = await Assert.ThrowsAsync<BackendConflictException>(() => channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Billed }, Ct));

        Assert.Equal(CommerceErrorCodes.Conflict, error.Code);
        Assert.Contains("is checkout; it cannot become billed. Allowed next: checkout, placed, voided", error.Message, StringComparison.Ordinal);
    }
}
