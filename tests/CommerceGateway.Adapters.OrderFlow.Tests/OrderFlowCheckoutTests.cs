using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>The whole pipeline against the sandbox: cart, invoice, payment, shipping and emails.</summary>
public sealed class OrderFlowCheckoutTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private Uri Url => sandbox.ProtocolUrl("orderflow");

    [Fact]
    public async Task AddLines_SourceExampleCart_TotalsIncludeTaxAsTheSourceShows()
    {
        using var test = OrderFlowTestBackend.Create(Url);

        var cart = await OrderFlowCarts.ExampleCartAsync(test.Backend);

        Assert.Equal(Money.Of(200m, "USD"), cart.Totals.Total);
        Assert.Equal(Money.Of(36m, "USD"), cart.Totals.Taxes);
        Assert.Equal(Money.Of(164m, "USD"), cart.Totals.Subtotal);
        Assert.True(cart.Totals.TaxesIncluded);
        Assert.Equal([100m, 100m], cart.Lines.Select(l => l.Total.Amount));
    }

    [Fact]
    public async Task AddLines_SameMerchandiseTwice_MergesIntoOneLine()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ExampleCartAsync(test.Backend);

        cart = await test.Backend.AddLinesAsync(cart, [new CartLineInput("1234", 1)], OrderFlowCarts.Bounded);

        Assert.Equal(2, cart.Lines.Count);
        Assert.Equal(3, cart.Lines.Single(l => l.MerchandiseId == "1234").Quantity);
        Assert.Equal(Money.Of(250m, "USD"), cart.Totals.Total);
    }

    [Fact]
    public async Task BeginCheckout_NewCart_AsksForEmailThenAddressThenPayment()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ExampleCartAsync(test.Backend);

        cart = await test.Backend.BeginCheckoutAsync(cart, OrderFlowCarts.Bounded);

        Assert.Equal([CheckoutStepKind.Email, CheckoutStepKind.Address, CheckoutStepKind.Payment], cart.Checkout.Steps.Select(s => s.Kind));
        Assert.Equal(CheckoutStepKind.Email, cart.Checkout.Current);
        Assert.Contains("buyer.email", cart.Checkout.Steps[0].Missing);
        Assert.Contains("shippingAddress", cart.Checkout.Steps[1].Missing);
    }

    [Fact]
    public async Task SubmitPayment_ReadyCart_ShipsAndRecordsThePipelineOnTheTimeline()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);

        var outcome = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(CheckoutStatus.Complete, outcome.Cart.Checkout.Status);
        var order = Assert.IsType<Order>(outcome.Order);
        Assert.Equal(outcome.Cart.OrderId, order.Id);
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        Assert.Equal(Money.Of(200m, "USD"), order.AmountPaid);
        Assert.Matches("^[0-9]+$", Assert.Single(order.Shipments).TrackingNumber);
        Assert.Equal(["CartUpdated", "InvoiceCreated", "PaymentProcessed", "OrderShipped"], order.Events.Select(e => e.Name));
        Assert.All(order.Events, e => Assert.InRange(e.OccurredAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.DoesNotContain(order.Events, e => e.Detail is { } d && (d.Contains('@', StringComparison.Ordinal) || d.Contains("boulevard", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SubmitPayment_AnswerWithMaskedCardDigits_KeepsNoCardDataOnTheOrder()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);

        var outcome = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        // The sandbox answers first_digits 424242, last_digits 4242 and brand visa; none of it is needed downstream.
        var kept = System.Text.Json.JsonSerializer.Serialize(new { outcome.Order, outcome.Cart });
        Assert.Contains(outcome.Order!.Shipments[0].TrackingNumber, kept, StringComparison.Ordinal);
        Assert.DoesNotContain("424242", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("visa", kept, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SubmitPayment_ReadyCart_EmailsTheBuyerAfterEachEvent()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var buyer = OrderFlowCarts.Buyer with { Email = $"{Guid.NewGuid():N}@example.test" };
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend, buyer);

        await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(["InvoiceCreated", "PaymentProcessed", "OrderShipped"], await OrderFlowCarts.EmailsSentToAsync(sandbox, buyer.Email!));
    }

    [Fact]
    public async Task UpdateLines_AfterDeclinedPayment_InvoicesTheNewTotalAndPays()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);
        var declined = await test.Backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Total, "tok_chargeDeclined", null), OrderFlowCarts.Bounded);

        cart = await test.Backend.UpdateLinesAsync(declined.Cart, [new CartLineUpdate("2345", 2)], OrderFlowCarts.Bounded);
        var paid = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(CheckoutStatus.Open, cart.Checkout.Status);
        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal(Money.Of(300m, "USD"), paid.Order!.AmountPaid);
    }

    [Fact]
    public async Task SubmitPayment_AlreadyCompletedCart_IsAConflictNotASecondCharge()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);
        var paid = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        await Assert.ThrowsAsync<BackendConflictException>(() => test.Backend.SubmitPaymentAsync(paid.Cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded));
        var replayed = await Assert.ThrowsAsync<BackendConflictException>(() => test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded));
        Assert.Equal("order_already_paid", replayed.BackendCode);
    }

    [Fact]
    public async Task SubmitPayment_BeforeTheAddressStep_IsRefusedAsInvalidStep()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ExampleCartAsync(test.Backend);
        cart = await test.Backend.UpdateBuyerAsync(cart, OrderFlowCarts.Buyer, OrderFlowCarts.Bounded);
        cart = await test.Backend.BeginCheckoutAsync(cart, OrderFlowCarts.Bounded);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded));

        Assert.Equal(CommerceErrorCodes.InvalidStep, error.Code);
        Assert.Equal("shippingAddress", error.Field);
    }

    [Fact]
    public async Task SubmitPayment_AmountBelowTotal_IsRefusedAsUnderpaid()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(
            () => test.Backend.SubmitPaymentAsync(cart, new PaymentInstruction(Money.Of(199.99m, "USD"), "tok_visa", null), OrderFlowCarts.Bounded));

        Assert.Equal(CommerceErrorCodes.Underpaid, error.Code);
    }
}
