using CommerceGateway.Sandbox.Faults;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>Every way the pipeline can fail after the cart: payment refusals, invalid JSON, shipping and email outages.</summary>
public sealed class OrderFlowPaymentFailureTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private Uri Url => sandbox.ProtocolUrl("orderflow");

    [Fact]
    public async Task SubmitPayment_DeclineFault_FailsAsDataAndKeepsTheCartPayable()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/payment.json", "decline"));
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);

        var outcome = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(PaymentStatus.Failed, outcome.Status);
        Assert.Null(outcome.Order);
        Assert.Equal(CheckoutStatus.PaymentFailed, outcome.Cart.Checkout.Status);
        Assert.Equal(CheckoutStepKind.Payment, outcome.Cart.Checkout.Current);
        Assert.Contains("declined", outcome.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(outcome.FailureReason, outcome.Cart.Checkout.FailureReason);
    }

    [Fact]
    public async Task SubmitPayment_CaptureFailureFault_FailsWithTheBackendsReason()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/payment.json", "capture-failure=Insufficient funds"));
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);

        var outcome = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(PaymentStatus.Failed, outcome.Status);
        Assert.Equal("Insufficient funds", outcome.FailureReason);
    }

    [Fact]
    public async Task SubmitPayment_DeclinedThenApproved_PaysTheSameInvoiceOnce()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);
        var declined = await test.Backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Total, "tok_chargeDeclined", null), OrderFlowCarts.Bounded);

        var paid = await test.Backend.SubmitPaymentAsync(declined.Cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal(declined.Cart.Backend.Get("invoiceId"), paid.Order!.Backend.Get("invoiceId"));
        Assert.Single(paid.Order.Events, e => e.Name == "InvoiceCreated");
    }

    [Fact]
    public async Task SubmitPayment_SourcesUnquotedCompletedAt_RaisesProtocolErrorNotACrash()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);
        await OrderFlowCarts.SetQuirkAsync(sandbox, unquotedCompletedAt: true, times: 1);

        var error = await Assert.ThrowsAsync<BackendProtocolException>(
            () => test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded));

        Assert.Equal("(body)", error.Field);
        Assert.Equal(CommerceErrorCodes.BackendProtocolError, error.Code);
        Assert.True(error.IsFault);
    }

    [Fact]
    public async Task SubmitPayment_ShippingDown_OrderIsPaidAndShipsWhenReadAgain()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/shipping.json", "status=503"));
        using var healthy = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);

        var outcome = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);
        var reread = await healthy.Backend.GetOrderAsync(outcome.Order!, OrderFlowCarts.Bounded);

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(OrderStatus.Placed, outcome.Order!.Status);
        Assert.Empty(outcome.Order.Shipments);
        Assert.DoesNotContain(outcome.Order.Events, e => e.Name == "OrderShipped");
        Assert.Equal(OrderStatus.Fulfilled, reread.Status);
        Assert.Single(reread.Shipments);
        Assert.Equal("OrderShipped", reread.Events[^1].Name);
    }

    [Fact]
    public async Task GetOrder_ShippedOrder_KeepsTheSameTrackingNumber()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);
        var order = (await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded)).Order!;

        var reread = await test.Backend.GetOrderAsync(order, OrderFlowCarts.Bounded);

        Assert.Equal(order.Shipments, reread.Shipments);
        Assert.Equal(order.Events, reread.Events);
    }

    [Fact]
    public async Task SubmitPayment_EmailServiceDown_OrderStillCompletesAndShips()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/email.json", "status=500"));
        var buyer = OrderFlowCarts.Buyer with { Email = $"{Guid.NewGuid():N}@example.test" };
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend, buyer);

        var outcome = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(OrderStatus.Fulfilled, outcome.Order!.Status);
        Assert.Empty(await OrderFlowCarts.EmailsSentToAsync(sandbox, buyer.Email!));
    }

    [Fact]
    public async Task SubmitPayment_InvoiceServiceDown_RaisesUnavailableAndTakesNoMoney()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/invoice.json", "status=503"));
        using var healthy = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded));
        var later = await healthy.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(PaymentStatus.Paid, later.Status);
    }

    [Fact]
    public async Task SubmitPayment_PaymentTimesOut_RaisesTimeoutWithinTheBound()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/payment.json", "timeout"), o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);
        });
        // The cart is built with default timeouts: on a loaded machine its set-up calls can take longer than the
        // 0.5 s bound under test, which is meant for the payment call only.
        using var healthy = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(healthy.Backend);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<BackendTimeoutException>(() => test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task SubmitPayment_ProtocolWideDeclineFault_IsHonouredUntilCleared()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ReadyToPayAsync(test.Backend);
        await sandbox.SetFaultAsync("orderflow", new FaultSpec { Decline = true });
        PaymentOutcome declined;
        try
        {
            declined = await test.Backend.SubmitPaymentAsync(cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);
        }
        finally
        {
            await sandbox.ClearFaultAsync("orderflow");
        }

        var paid = await test.Backend.SubmitPaymentAsync(declined.Cart, OrderFlowCarts.Pay(cart), OrderFlowCarts.Bounded);

        Assert.Equal(PaymentStatus.Failed, declined.Status);
        Assert.Equal(PaymentStatus.Paid, paid.Status);
    }
}
