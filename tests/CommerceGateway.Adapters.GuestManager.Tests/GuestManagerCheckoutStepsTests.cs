using CommerceGateway.Adapters.GuestManager.Tests.Infrastructure;
using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommerceGateway.Adapters.GuestManager.Tests.Infrastructure.GuestManagerChannel;

namespace CommerceGateway.Adapters.GuestManager.Tests;

/// <summary>The unified checkout walked through every Guest Manager step the sandbox's orders need.</summary>
public sealed class GuestManagerCheckoutStepsTests : IClassFixture<SandboxServer>
{
    private readonly SandboxServer _sandbox;

    public GuestManagerCheckoutStepsTests(SandboxServer sandbox)
    {
        _sandbox = sandbox;
        sandbox.Services.GetRequiredService<GuestManagerSandboxSettings>().ProcessingDelay = TimeSpan.FromMilliseconds(100);
    }

    [Fact]
    public async Task Checkout_TicketsFormAndShippableItem_WalksEveryStepInTheBackendsOrderToComplete()
    {
        using var channel = Create(_sandbox);
        var backend = channel.Backend;
        var cart = await channel.CartAsync(null, ("102", 2), ("201", 1));

        cart = await backend.BeginCheckoutAsync(cart, Bounded);
        Assert.Equal(
            [CheckoutStepKind.Email, CheckoutStepKind.Tickets, CheckoutStepKind.Address, CheckoutStepKind.Delivery, CheckoutStepKind.Form, CheckoutStepKind.Payment, CheckoutStepKind.Complete],
            cart.Checkout.Steps.Select(s => s.Kind));
        Assert.Equal(CheckoutStepKind.Email, cart.Checkout.Current);
        Assert.Contains("buyer.email", cart.Checkout.Steps[0].Missing);

        cart = await backend.UpdateBuyerAsync(cart, Guest, Bounded);
        Assert.Equal(CheckoutStepKind.Tickets, cart.Checkout.Current);
        Assert.Equal(["attendees"], cart.Checkout.NextIncomplete!.Missing);

        // The first ticket is the buyer's own (keep: true, no name needed); the second is named.
        var attendees = cart.Lines.Single(l => l.MerchandiseId == "102").Attendees;
        cart = await backend.UpdateAttendeesAsync(cart, [attendees[0] with { Name = null }, attendees[1] with { Name = "Grace Hopper", Email = "grace@example.test" }], Bounded);
        Assert.Equal(CheckoutStepKind.Address, cart.Checkout.Current);
        var named = cart.Lines.Single(l => l.MerchandiseId == "102").Attendees;
        Assert.Null(named[0].Name);
        Assert.Equal("Grace Hopper", named[1].Name);

        cart = await backend.UpdateAddressesAsync(cart, UsAddress, null, Bounded);
        Assert.Equal(CheckoutStepKind.Delivery, cart.Checkout.Current);
        Assert.Equal("US", cart.ShippingAddress!.CountryCode);
        Assert.Equal("IL", cart.BillingAddress!.RegionCode);

        var options = await backend.GetShippingOptionsAsync(cart, Bounded);
        Assert.Equal([5.00m, 15.00m], options.Select(o => o.Price.Amount));
        cart = await backend.SelectShippingOptionAsync(cart, options[1].Id, Bounded);
        Assert.Equal(CheckoutStepKind.Form, cart.Checkout.Current);
        Assert.Equal(15.00m, cart.Totals.Shipping.Amount);

        // The required question ("T-shirt size") is listed as missing; its answer is an option id (792 = M).
        var question = Assert.Single(cart.Checkout.NextIncomplete!.Missing).Split('.');
        cart = await backend.UpdateFormAnswersAsync(cart, [new FormAnswer(question[1], question[2], "792")], Bounded);
        Assert.Equal(CheckoutStepKind.Payment, cart.Checkout.Current);
        Assert.Equal(new Money(142.00m, Usd), cart.Totals.Total);

        var submitted = await backend.SubmitPaymentAsync(cart, Token(cart.Totals.Total), Bounded);
        var outcome = submitted.Status == PaymentStatus.Processing ? await backend.GetPaymentStatusAsync(submitted.Cart, Bounded) : submitted;

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(CheckoutStatus.Complete, outcome.Cart.Checkout.Status);
        Assert.All(outcome.Cart.Checkout.Steps, s => Assert.True(s.Completed, $"{s.Kind} is completed"));
        Assert.Equal(new Money(142.00m, Usd), outcome.Order!.Total);
        Assert.All(outcome.Order.Lines.Where(l => l.MerchandiseId == "102"), l => Assert.NotNull(l.TicketCode));
        var logged = string.Join('\n', channel.Logs.Entries.Select(e => e.Message));
        Assert.DoesNotContain("example.test", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_visa", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(GuestManagerSandboxSettings.DefaultApiKey, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginCheckout_TicketThatCollectsNoNames_HasNoTicketsStep()
    {
        using var channel = Create(_sandbox);

        var cart = await channel.Backend.BeginCheckoutAsync(await channel.CartAsync(Guest, ("201", 1)), Bounded);

        Assert.Equal([CheckoutStepKind.Address, CheckoutStepKind.Delivery, CheckoutStepKind.Payment, CheckoutStepKind.Complete], cart.Checkout.Steps.Select(s => s.Kind));
    }

    [Fact]
    public async Task BeginCheckout_FreeTicketWithBuyer_CompletesWithoutPaymentOrAddress()
    {
        using var channel = Create(_sandbox);

        var cart = await channel.Backend.BeginCheckoutAsync(await channel.CartAsync(Guest, ("501", 2)), Bounded);

        Assert.Equal([CheckoutStepKind.Complete], cart.Checkout.Steps.Select(s => s.Kind));
        Assert.Equal(CheckoutStatus.Complete, cart.Checkout.Status);
        Assert.NotNull(cart.OrderId);
    }

    [Theory]
    [InlineData("301", CheckoutStepKind.Requested)]
    [InlineData("401", CheckoutStepKind.Reserved)]
    public async Task Checkout_SoldOutOrOffSaleItem_EndsInRequestedOrReservedWithoutPayment(string variant, CheckoutStepKind last)
    {
        using var channel = Create(_sandbox);
        var cart = await channel.Backend.BeginCheckoutAsync(await channel.CartAsync(Guest, (variant, 1)), Bounded);
        Assert.Equal([CheckoutStepKind.Tickets, CheckoutStepKind.Address, last], cart.Checkout.Steps.Select(s => s.Kind));

        cart = await channel.NameEveryoneAsync(cart);
        cart = await channel.Backend.UpdateAddressesAsync(cart, null, UsAddress, Bounded);

        Assert.Equal(last, cart.Checkout.Current);
        Assert.Equal(CheckoutStatus.Submitted, cart.Checkout.Status);
        Assert.All(cart.Checkout.Steps, s => Assert.True(s.Completed, $"{s.Kind} is completed"));
        Assert.NotNull(cart.OrderId);
        Assert.Null(cart.Lines[0].ExpiresAt);
    }

    [Fact]
    public async Task ApplyDiscountCode_KnownCoupon_DiscountsTheTotalAndUnknownOneIsRefused()
    {
        using var channel = Create(_sandbox);
        var cart = await channel.CartAsync(Guest, ("101", 2));

        cart = await channel.Backend.ApplyDiscountCodeAsync(cart, "SAVE10", Bounded);
        var unknown = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.ApplyDiscountCodeAsync(cart, "NOPE", Bounded));

        Assert.Equal(["SAVE10"], cart.DiscountCodes);
        Assert.Equal(new Money(45.00m, Usd), cart.Totals.Total);
        Assert.Equal(CommerceErrorCodes.InvalidDiscountCode, unknown.Code);
        Assert.Equal("coupon_code", unknown.Field);
        Assert.Equal("validation_error", unknown.BackendCode);
    }

    [Fact]
    public async Task UpdateAttendees_EarlierStepChangedFromPayment_ReturnsToPayment()
    {
        using var channel = Create(_sandbox);
        var cart = await channel.AtPaymentAsync(("101", 2));

        cart = await channel.Backend.UpdateAttendeesAsync(cart, [.. cart.Lines[0].Attendees.Select(a => a with { Name = "Renamed " + a.TicketId })], Bounded);

        Assert.Equal(CheckoutStepKind.Payment, cart.Checkout.Current);
        Assert.All(cart.Lines[0].Attendees, a => Assert.StartsWith("Renamed", a.Name, StringComparison.Ordinal));
    }
}
