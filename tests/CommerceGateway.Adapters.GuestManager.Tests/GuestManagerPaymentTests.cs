using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>Payment by PSP token, its asynchronous processing and its failure.</summary>
public sealed class GuestManagerPaymentTests : IClassFixture<SandboxServer>
{
    private readonly SandboxServer _sandbox;

    public GuestManagerPaymentTests(SandboxServer sandbox)
    {
        _sandbox = sandbox;
        sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>().ProcessingDelay = TimeSpan.FromMilliseconds(100);
    }

    [Fact]
    public async Task SubmitPayment_DeclinedToken_ReturnsToPaymentWithTheReasonThenAcceptsAnotherToken()
    {
        using var channel = Create(_sandbox);
        var cart = await channel.AtPaymentAsync(("101", 2));

        var submitted = await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total, "tok_chargeDeclined"), Bounded);
        var declined = await channel.Backend.GetPaymentStatusAsync(submitted.Cart, Bounded);

        Assert.Equal(PaymentStatus.Processing, submitted.Status);
        Assert.Equal(PaymentStatus.Failed, declined.Status);
        Assert.Equal(CheckoutStatus.PaymentFailed, declined.Cart.Checkout.Status);
        Assert.Equal(CheckoutStepKind.Payment, declined.Cart.Checkout.Current);
        Assert.Equal("Your card was declined.", declined.Cart.Checkout.FailureReason);
        Assert.Null(declined.Order);

        var retried = await channel.Backend.SubmitPaymentAsync(declined.Cart, Token(cart.Totals.Total), Bounded);
        var paid = await channel.Backend.GetPaymentStatusAsync(retried.Cart, Bounded);

        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal(new Money(50.00m, Usd), paid.Order!.AmountPaid);
        Assert.NotNull(paid.Order.PspTransactionId);
    }

    [Fact]
    public async Task SubmitPayment_PspTransactionIdInsteadOfToken_IsRefusedBeforeCallingTheBackend()
    {
        using var channel = Create(_sandbox);
        var cart = await channel.AtPaymentAsync(("101", 1));

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Total, null, "ch_123", "stripe"), Bounded));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("pspToken", error.Field);
    }

    [Fact]
    public async Task SubmitPayment_AmountOtherThanTheTotal_IsAValidationErrorNamingTheAmount()
    {
        using var channel = Create(_sandbox);
        var cart = await channel.AtPaymentAsync(("101", 1));

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            channel.Backend.SubmitPaymentAsync(cart, Token(new Money(1.00m, Usd)), Bounded));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("payments[0].amount", error.Field);
        Assert.Contains("payments[0].amount", error.Message, StringComparison.Ordinal);
    }
}
