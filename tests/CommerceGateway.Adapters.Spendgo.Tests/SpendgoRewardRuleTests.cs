using CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;
using CommerceGateway.Testing;
using static CommerceGateway.Adapters.Spendgo.Tests.Infrastructure.SpendgoOrders;

namespace CommerceGateway.Adapters.Spendgo.Tests;

/// <summary>Rewards that do not apply, and the one-reward-per-order rule.</summary>
public sealed class SpendgoRewardRuleTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => SpendgoTestChannel.Bounded;

    [Theory]
    [InlineData("rw-5off", Downtown, "SANDWICH", 12.50, "reward_minimum_subtotal", "at least 20.00; the cart's is 12.50")]
    [InlineData("rw-coffee", Airport, "COFFEE-LG", 4.25, "reward_not_valid_at_store", "store-001")]
    [InlineData("rw-coffee", Downtown, "MUFFIN", 3.10, "reward_no_eligible_items", "COFFEE-MD, COFFEE-LG")]
    public async Task SubmitOrder_CheckoutWithARewardThatDoesNotApply_RaisesRewardNotApplicableWithSpendgosReason(
        string reward, string store, string sku, double price, string backendCode, string detail)
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, reward);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitOrderAsync(Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards[reward], null, store, Item(sku, (decimal)price)), Ct));

        Assert.Equal(CommerceErrorCodes.RewardNotApplicable, error.Code);
        Assert.Equal(backendCode, error.BackendCode);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Equal("rewardId", error.Field);
        Assert.Equal("available", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards[reward]));
    }

    [Fact]
    public async Task SubmitOrder_BankingRewardWithTooFewPoints_RaisesRewardNotApplicable()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 9m);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitOrderAsync(Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-bank"], null, Downtown, Item("LUNCH-BOX", 18.40m)), Ct));

        Assert.Equal("reward_insufficient_points", error.BackendCode);
        Assert.Equal(CommerceErrorCodes.RewardNotApplicable, error.Code);
    }

    [Fact]
    public async Task SubmitOrder_SecondRewardOnAPlacedOrder_IsRefusedAndTheFirstStaysLocked()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off", "rw-10pct");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        await RunAsync(channel.Backend, checkout, Ct, LoyaltyOrderStatus.Placed);

        var error = await Assert.ThrowsAsync<BackendConflictException>(() =>
            channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Billed, RewardId = rewards["rw-10pct"], Discount = Usd(4.00m) }, Ct));

        Assert.Equal("one_reward_per_order", error.BackendCode);
        Assert.Contains("one reward per order", error.Message, StringComparison.Ordinal);
        Assert.Equal("locked", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-5off"]));
        Assert.Equal("available", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-10pct"]));
    }

    [Fact]
    public async Task SubmitOrder_RewardAlreadyRedeemedByAnotherOrder_RaisesRewardNotApplicable()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        await RunAsync(channel.Backend, Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m)), Ct, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitOrderAsync(Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m)), Ct));

        Assert.Equal(CommerceErrorCodes.RewardNotApplicable, error.Code);
        Assert.Equal("reward_unavailable", error.BackendCode);
    }

    [Fact]
    public async Task SubmitOrder_GuestWithAReward_RaisesRewardNotApplicable()
    {
        using var channel = new SpendgoTestChannel(sandbox);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitOrderAsync(Order(NewOrderId(), null, LoyaltyOrderStatus.Checkout, "rwd-00001", null, Downtown, Item("PLATTER", 40.00m)), Ct));

        Assert.Equal("reward_requires_member", error.BackendCode);
        Assert.Equal(CommerceErrorCodes.RewardNotApplicable, error.Code);
    }

    [Fact]
    public async Task SubmitOrder_PlacedWithADifferentDiscountThanCheckout_IsRefusedAsAMismatch()
    {
        using var channel = new SpendgoTestChannel(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        var checkout = Order(NewOrderId(), member, LoyaltyOrderStatus.Checkout, rewards["rw-5off"], null, Downtown, Item("PLATTER", 40.00m));
        await channel.Backend.SubmitOrderAsync(checkout, Ct);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitOrderAsync(checkout with { Status = LoyaltyOrderStatus.Placed, Discount = Usd(6.00m) }, Ct));

        Assert.Equal("discount_mismatch", error.BackendCode);
        Assert.Equal("discount", error.Field);
    }

    [Fact]
    public async Task SubmitOrder_LaterStageWithoutTheDiscount_IsRefusedBeforeAnyCall()
    {
        using var channel = new SpendgoTestChannel(sandbox);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitOrderAsync(Order(NewOrderId(), "sg-1001", LoyaltyOrderStatus.Placed, "rwd-00001", null, Downtown, Item("PLATTER", 40.00m)), Ct));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("discount", error.Field);
        Assert.Empty(channel.Traffic.Exchanges);
    }
}
