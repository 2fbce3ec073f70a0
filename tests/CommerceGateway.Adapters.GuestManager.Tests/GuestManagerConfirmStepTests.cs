using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>An account with "review order before placing" on: the confirm step follows payment.</summary>
public sealed class GuestManagerConfirmStepTests : IClassFixture<SandboxServer>
{
    private readonly SandboxServer _sandbox;

    public GuestManagerConfirmStepTests(SandboxServer sandbox)
    {
        _sandbox = sandbox;
        var settings = sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>();
        settings.ConfirmBeforePlacing = true;
        settings.ProcessingDelay = TimeSpan.FromMilliseconds(100);
    }

    [Fact]
    public async Task SubmitPayment_AccountThatConfirmsOrders_SubmitsPaymentAndConfirmThenCompletes()
    {
        using var channel = Create(_sandbox);
        var cart = await channel.AtPaymentAsync(("101", 1));
        Assert.Equal([CheckoutStepKind.Tickets, CheckoutStepKind.Address, CheckoutStepKind.Payment, CheckoutStepKind.Confirm, CheckoutStepKind.Complete], cart.Checkout.Steps.Select(s => s.Kind));

        var submitted = await channel.Backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);
        var outcome = submitted.Status == PaymentStatus.Processing ? await channel.Backend.GetPaymentStatusAsync(submitted.Cart, Bounded) : submitted;

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(CheckoutStatus.Complete, outcome.Cart.Checkout.Status);
    }
}
