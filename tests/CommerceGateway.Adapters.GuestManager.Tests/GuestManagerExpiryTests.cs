using CommerceGateway.Testing;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>Orders hold their tickets for 15 minutes; time is moved on the sandbox's fake clock.</summary>
public sealed class GuestManagerExpiryTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task ResumeCheckout_AfterTheOrderExpired_ReReservesForFifteenMinutesAndReturnsToTheStepItWasAt()
    {
        using var channel = Create(sandbox);
        var cart = await channel.AtPaymentAsync(("101", 2));
        Assert.Equal(sandbox.Clock.GetUtcNow() + Hold, cart.ExpiresAt);
        Assert.Equal(cart.ExpiresAt, cart.Lines[0].ExpiresAt);

        sandbox.Clock.Advance(Hold);
        var expired = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded));
        var status = await channel.Backend.GetPaymentStatusAsync(cart, Bounded);

        Assert.Equal(CommerceErrorCodes.HoldExpired, expired.Code);
        Assert.Equal("checkout_not_allowed", expired.BackendCode);
        Assert.Contains("resume the checkout", expired.Message, StringComparison.Ordinal);
        Assert.Equal(CheckoutStatus.Expired, status.Cart.Checkout.Status);
        Assert.Null(status.Cart.Lines[0].ExpiresAt);

        var resumed = await channel.Backend.ResumeCheckoutAsync(status.Cart, Bounded);

        Assert.Equal(CheckoutStatus.Open, resumed.Checkout.Status);
        Assert.Equal(CheckoutStepKind.Payment, resumed.Checkout.Current);
        Assert.Equal(sandbox.Clock.GetUtcNow() + Hold, resumed.ExpiresAt);
        var submitted = await channel.Backend.SubmitPaymentAsync(resumed, Token(resumed.Totals.Total), Bounded);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(PaymentStatus.Paid, (await channel.Backend.GetPaymentStatusAsync(submitted.Cart, Bounded)).Status);
    }

    [Fact]
    public async Task ResumeCheckout_TicketsSoldToSomeoneElseAfterExpiry_FailsSoldOutAndTheOrderStaysExpired()
    {
        using var channel = Create(sandbox);
        // Variant 601 has two tickets in all.
        var first = await channel.AtPaymentAsync(("601", 2));
        var other = await channel.CartAsync(Guest);
        var whileHeld = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.AddLinesAsync(other, [new CartLineInput("601", 1)], Bounded));
        Assert.Equal(CommerceErrorCodes.SoldOut, whileHeld.Code);

        sandbox.Clock.Advance(Hold);
        // Expiry gave the tickets back (of both orders), so a third buyer can take them.
        var third = await channel.CartAsync(Guest, ("601", 1));
        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.ResumeCheckoutAsync(first, Bounded));
        var after = await channel.Backend.GetPaymentStatusAsync(first, Bounded);

        Assert.Single(third.Lines);
        Assert.Equal(CommerceErrorCodes.SoldOut, error.Code);
        Assert.Equal("sold_out", error.BackendCode);
        Assert.Contains("601", error.Message, StringComparison.Ordinal);
        Assert.Equal(CheckoutStatus.Expired, after.Cart.Checkout.Status);
    }

    [Fact]
    public async Task ResumeCheckout_OrderThatHasNotExpired_ReturnsItUnchanged()
    {
        using var channel = Create(sandbox);
        var cart = await channel.AtAddressAsync(("101", 1));

        var resumed = await channel.Backend.ResumeCheckoutAsync(cart, Bounded);

        Assert.Equal(CheckoutStepKind.Address, resumed.Checkout.Current);
        Assert.Equal(cart.ExpiresAt, resumed.ExpiresAt);
    }
}
