using CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;
using CommerceGateway.Checkout;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Spendgo.Tests;

/// <summary>The adapter inside the gateway's checkout: a Spendgo outage never blocks a sale without a loyalty member.</summary>
public sealed class SpendgoCheckoutTests(SandboxServer sandbox) : IClassFixture<SandboxServer>, IAsyncLifetime
{
    private static readonly ClientContext Client = new("spendgo-tests");
    private static readonly Buyer Buyer = new("buyer@example.test", "Ada", "Lovelace", "0545870006");
    private static readonly Address Address = new("17 boulevard", "Brooklyn", "11201", "US", RegionCode: "NY");

    private static CancellationToken Ct => SpendgoTestChannel.Bounded;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => sandbox.ClearFaultAsync("spendgo");

    [Fact]
    public async Task SubmitPayment_LoyaltyBackendDown_GuestCheckoutStillSucceedsAndTheAccountLookupIsATypedFault()
    {
        using var host = new SpendgoCheckoutHost(sandbox);
        await sandbox.SetFaultAsync("spendgo", new CommerceGateway.Sandbox.Faults.FaultSpec { Status = 503 });
        var cart = await ReadyCartAsync(host, memberId: null);

        var paid = await host.Payments.SubmitPaymentAsync(Client, cart.Id, new PaymentRequest("tok_visa", null, "stripe"), "idem-" + Guid.NewGuid().ToString("N"), Ct);
        var lookup = await Assert.ThrowsAsync<BackendUnavailableException>(() => host.LoyaltyService.GetLoyaltyAccountAsync(SpendgoCheckoutHost.Loyalty, "sg-1001", "store-001", Ct));

        Assert.True(paid.Succeeded, string.Join("; ", paid.Errors.Select(e => e.Message)));
        Assert.NotNull(paid.Value!.Order);
        Assert.Equal(CommerceErrorCodes.BackendUnavailable, lookup.Code);
    }

    [Fact]
    public async Task SubmitPayment_MemberWithReward_PaysTheDiscountedTotal_ReportsEveryStageAndAwardsPointsOnIt()
    {
        using var host = new SpendgoCheckoutHost(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        var cart = Value(await host.Carts.CreateCartAsync(Client, SpendgoCheckoutHost.RewardShop, "USD", Ct));
        Value(await host.LoyaltyService.AttachLoyaltyAsync(Client, cart.Id, member, "store-001", null, Ct));
        Value(await host.Carts.AddLinesAsync(Client, cart.Id, [new CartLineInput("TEE-M", 2), new CartLineInput("MUG", 1)], null, Ct));
        var withReward = Value(await host.LoyaltyService.ApplyRewardAsync(Client, cart.Id, rewards["rw-5off"], null, Ct));
        Value(await host.Carts.UpdateBuyerAsync(Client, cart.Id, Buyer, null, Ct));
        Value(await host.Carts.BeginCheckoutAsync(Client, cart.Id, null, Ct));

        var paid = Value(await host.Payments.SubmitPaymentAsync(Client, cart.Id, new PaymentRequest("tok_visa", null, "stripe"), "idem-" + Guid.NewGuid().ToString("N"), Ct));
        var captured = Value(await host.Orders.CaptureAsync(Client, paid.Order!.Id, null, Ct));

        Assert.Equal(new Money(5.00m, CurrencyCode.Usd), withReward.Loyalty!.Discount);
        Assert.Equal(new Money(53.00m, CurrencyCode.Usd), withReward.Totals.Total);
        Assert.Equal(new Money(53.00m, CurrencyCode.Usd), paid.Order.Order.Total);
        Assert.Equal(new Money(53.00m, CurrencyCode.Usd), captured.Order.AmountPaid);
        Assert.Equal(LoyaltyOrderStatus.Completed, captured.Loyalty!.Status);
        Assert.Equal("redeemed", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-5off"]));
        var account = await host.LoyaltyService.GetLoyaltyAccountAsync(SpendgoCheckoutHost.Loyalty, member, "store-001", Ct);
        Assert.Equal(53m, account.Value!.Balance.Points);
    }

    [Fact]
    public async Task ApplyReward_OnOrderFlowWhichCannotTakeTheDiscountOff_IsNotSupported_AndTheRewardStaysAvailable()
    {
        using var host = new SpendgoCheckoutHost(sandbox);
        var (member, rewards) = await SpendgoSandboxAdmin.NewMemberAsync(sandbox, 0m, "rw-5off");
        var cart = await ReadyCartAsync(host, member);

        var refused = await host.LoyaltyService.ApplyRewardAsync(Client, cart.Id, rewards["rw-5off"], null, Ct);

        Assert.Equal(CommerceErrorCodes.NotSupported, Assert.Single(refused.Errors).Code);
        Assert.Equal("available", await SpendgoSandboxAdmin.RewardStateAsync(sandbox, member, rewards["rw-5off"]));
    }

    private static async Task<Cart> ReadyCartAsync(SpendgoCheckoutHost host, string? memberId)
    {
        var cart = Value(await host.Carts.CreateCartAsync(Client, SpendgoCheckoutHost.Shop, "USD", Ct));
        cart = Value(await host.LoyaltyService.AttachLoyaltyAsync(Client, cart.Id, memberId, "store-001", null, Ct));
        cart = Value(await host.Carts.AddLinesAsync(Client, cart.Id, [new CartLineInput("1234", 1)], null, Ct));
        cart = Value(await host.Carts.UpdateBuyerAsync(Client, cart.Id, Buyer, null, Ct));
        cart = Value(await host.Carts.BeginCheckoutAsync(Client, cart.Id, null, Ct));
        return Value(await host.Carts.UpdateAddressesAsync(Client, cart.Id, Address, null, null, Ct));
    }

    private static T Value<T>(CheckoutResult<T> result)
    {
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
        return result.Value!;
    }
}
