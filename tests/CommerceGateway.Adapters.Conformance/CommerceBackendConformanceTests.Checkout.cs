using Xunit;

namespace CommerceGateway.Adapters.Conformance;

/// <content>Checkout, payment and order operations.</content>
public abstract partial class CommerceBackendConformanceTests
{
    /// <summary>Checkout lists the backend's steps, and payment is one of them.</summary>
    [Fact]
    public async Task BeginCheckout_CartWithLine_ListsStepsIncludingPayment()
    {
        var backend = CreateBackend();
        var cart = await CartWithLineAsync(backend, Bounded);

        cart = await backend.BeginCheckoutAsync(cart, Bounded);

        Assert.Contains(cart.Checkout.Steps, s => s.Kind == CheckoutStepKind.Payment);
        Assert.Equal(CheckoutStatus.Open, cart.Checkout.Status);
        Assert.NotNull(cart.Checkout.Current);
    }

    /// <summary>An approved payment completes the checkout with an order for the cart's total.</summary>
    [Fact]
    public async Task SubmitPayment_Approved_CompletesWithAnOrderForTheTotal()
    {
        var backend = CreateBackend();
        var cart = await ReadyForPaymentAsync(backend, await CartWithLineAsync(backend, Bounded), Bounded);

        var outcome = await PayAsync(backend, cart, ApprovedPayment(cart.Totals.Total), Bounded);

        Assert.Contains(outcome.Status, new[] { PaymentStatus.Paid, PaymentStatus.Authorized });
        Assert.Equal(CheckoutStatus.Complete, outcome.Cart.Checkout.Status);
        Assert.NotNull(outcome.Order);
        Assert.Equal(cart.Totals.Total, outcome.Order.Total);
        var reread = await backend.GetOrderAsync(outcome.Order, Bounded);
        Assert.Equal(outcome.Order.Id, reread.Id);
        Assert.Equal(outcome.Order.Total, reread.Total);
    }

    /// <summary>A declined payment is reported as data, and the buyer can pay again without losing the cart.</summary>
    [Fact]
    public async Task SubmitPayment_Declined_FailsThenAcceptsAnotherPayment()
    {
        var backend = CreateBackend();
        var cart = await ReadyForPaymentAsync(backend, await CartWithLineAsync(backend, Bounded), Bounded);

        var declined = await PayAsync(backend, cart, await DeclinedPaymentAsync(cart.Totals.Total), Bounded);

        Assert.Equal(PaymentStatus.Failed, declined.Status);
        Assert.Equal(CheckoutStatus.PaymentFailed, declined.Cart.Checkout.Status);
        Assert.Equal(cart.Lines.Count, declined.Cart.Lines.Count);

        var retried = await PayAsync(backend, declined.Cart, ApprovedPayment(declined.Cart.Totals.Total), Bounded);

        Assert.Contains(retried.Status, new[] { PaymentStatus.Paid, PaymentStatus.Authorized });
        Assert.NotNull(retried.Order);
    }

    /// <summary>
    /// A payment whose answer was lost is looked up on the cart as prepared for it: before the payment the
    /// backend reports none taken (Pending, the cart still whole), after it the payment it took, with its
    /// order once settled. A backend that cannot look payments up answers null, before and after alike.
    /// </summary>
    [Fact]
    public async Task LookUpPayment_PreparedCart_ReportsNoPaymentBeforeAndThePaymentTakenAfter_OrNullWhenItCannotTell()
    {
        var backend = CreateBackend();
        var cart = await ReadyForPaymentAsync(backend, await CartWithLineAsync(backend, Bounded), Bounded);
        var payment = ApprovedPayment(cart.Totals.Total);
        var prepared = await backend.PreparePaymentAsync(cart, payment, Bounded);

        var before = await backend.LookUpPaymentAsync(prepared, Bounded);
        var paid = await PayAsync(backend, prepared, payment, Bounded);
        var after = await backend.LookUpPaymentAsync(prepared, Bounded);

        Assert.Contains(paid.Status, new[] { PaymentStatus.Paid, PaymentStatus.Authorized });
        if (before is null)
        {
            Assert.Null(after);
            return;
        }

        Assert.Equal(PaymentStatus.Pending, before.Status);
        Assert.Equal(cart.Lines.Count, before.Cart.Lines.Count);
        Assert.NotNull(after);
        Assert.Contains(after.Status, new[] { PaymentStatus.Paid, PaymentStatus.Authorized, PaymentStatus.Processing });
        if (after.Status != PaymentStatus.Processing)
        {
            Assert.Equal(paid.Order!.Id, after.Order?.Id);
        }
    }

    /// <summary>Capture and refund work when declared and are refused as NotSupported otherwise.</summary>
    [Fact]
    public async Task CaptureAndRefund_CompletedOrder_FollowTheDeclaredCapabilities()
    {
        var backend = CreateBackend();
        var cart = await ReadyForPaymentAsync(backend, await CartWithLineAsync(backend, Bounded), Bounded);
        var order = (await PayAsync(backend, cart, ApprovedPayment(cart.Totals.Total), Bounded)).Order!;

        if (backend.Channel.Supports(ChannelCapabilities.CaptureLater))
        {
            order = await backend.CaptureAsync(order, null, Bounded);
            Assert.Equal(PaymentStatus.Paid, order.PaymentStatus);
            Assert.Equal(order.Total, order.AmountPaid);
        }
        else
        {
            await AssertNotSupportedAsync(ChannelCapabilities.CaptureLater, () => backend.CaptureAsync(order, null, Bounded));
        }

        if (backend.Channel.Supports(ChannelCapabilities.Refunds))
        {
            var part = new Money(decimal.Round(order.Total.Amount / 2, order.Total.Currency.MinorUnits), order.Total.Currency);
            order = await backend.RefundAsync(order, part, "conformance", Bounded);
            Assert.Equal(part, order.AmountRefunded);
            Assert.Contains(order.PaymentStatus, new[] { PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded });
        }
        else
        {
            await AssertNotSupportedAsync(ChannelCapabilities.Refunds, () => backend.RefundAsync(order, order.Total, null, Bounded));
        }
    }

    /// <summary>Asserts that <paramref name="call"/> raises NotSupported naming <paramref name="capability"/>.</summary>
    protected static async Task AssertNotSupportedAsync(ChannelCapabilities capability, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var error = await Assert.ThrowsAsync<CapabilityNotSupportedException>(call);
        Assert.Equal(capability, error.Capability);
        Assert.Equal(CommerceErrorCodes.NotSupported, error.Code);
        Assert.Contains(capability.ToString(), error.Message, StringComparison.Ordinal);
    }
}
