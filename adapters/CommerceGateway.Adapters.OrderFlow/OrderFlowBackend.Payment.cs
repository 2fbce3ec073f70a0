using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.OrderFlow;

/// <content>The rest of the pipeline: invoice, payment, shipping and notifications, and the order's timeline.</content>
public sealed partial class OrderFlowBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// Invoices the order (InvoiceCreated), bills it (PaymentProcessed), ships it (OrderShipped) and
    /// emails the buyer after each. A decline or failed capture is returned as a failed outcome and
    /// the cart can pay again; the payment call itself is never retried, because it moves money.
    /// </remarks>
    public override async Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(payment);
        EnsureReadyForPayment(cart, payment);

        var customerId = cart.Backend.Require(OrderFlowCartKeys.CustomerId);
        var orderId = cart.Backend.Require(OrderFlowCartKeys.OrderId);
        var recipient = Recipient(cart);
        var invoice = await _client.CreateInvoiceAsync(new OrderFlowClient.InvoiceRequest(customerId, orderId, cart, recipient), cancellationToken);
        if (invoice.Total != cart.Totals.Total)
        {
            throw new BackendProtocolException(Channel.Name, "totalAmount", $"the invoice total {invoice.Total} differs from the cart total {cart.Totals.Total}");
        }

        var backend = cart.Backend.With(OrderFlowCartKeys.InvoiceId, invoice.InvoiceId);
        if (invoice.Created || backend.TimeOf(OrderFlowEvents.InvoiceCreated) is null)
        {
            backend = backend.WithTime(OrderFlowEvents.InvoiceCreated, _time.GetUtcNow());
        }

        cart = cart with { Backend = backend };
        if (invoice.Created)
        {
            OrderFlowLog.Invoiced(_logger, Channel.Name, orderId, invoice.InvoiceId);
            await NotifyAsync(OrderFlowEvents.InvoiceCreated, recipient.Name, cart.Buyer!.Email!, orderId, cancellationToken);
        }

        var (paid, refused) = await _client.PayAsync(customerId, invoice.InvoiceId, payment, cancellationToken);
        if (refused is not null)
        {
            OrderFlowLog.PaymentRefused(_logger, Channel.Name, orderId, refused.Code);
            var failed = cart with { Checkout = Steps(cart, CheckoutStatus.PaymentFailed, refused.Reason) };
            return new PaymentOutcome(failed, PaymentStatus.Failed, FailureReason: refused.Reason);
        }

        if (paid!.Amount != cart.Totals.Total)
        {
            throw new BackendProtocolException(Channel.Name, "payment.amount", $"expected {cart.Totals.Total}, found {paid.Amount}");
        }

        OrderFlowLog.Paid(_logger, Channel.Name, orderId);
        await NotifyAsync(OrderFlowEvents.PaymentProcessed, recipient.Name, cart.Buyer!.Email!, orderId, cancellationToken);
        var order = PaidOrder(cart, invoice.InvoiceId, paid, recipient);
        order = await TryShipAsync(order, cancellationToken);
        return new PaymentOutcome(cart with { OrderId = orderId, Checkout = Completed() }, PaymentStatus.Paid, order);
    }

    /// <inheritdoc />
    /// <remarks>
    /// OrderFlow has no call that reads an order back, so the order is what the pipeline recorded;
    /// a paid order whose shipment failed is shipped now (the shipping call is safe to repeat).
    /// </remarks>
    public override async Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.PaymentStatus == PaymentStatus.Paid && order.Shipments.Count == 0
            ? await TryShipAsync(order, cancellationToken)
            : order;
    }

    private void EnsureReadyForPayment(Cart cart, PaymentInstruction payment)
    {
        if (cart.Checkout.Status == CheckoutStatus.Complete)
        {
            throw new BackendConflictException(Channel.Name, $"Cart {cart.Id} is already paid (order {cart.OrderId}).");
        }

        if (cart.Checkout.Steps.Count == 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "Begin checkout before paying.", field: "checkout");
        }

        var state = Steps(cart, cart.Checkout.Status);
        if (state.NextIncomplete is { Kind: not CheckoutStepKind.Payment } step)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, $"The {step.Kind} step still needs {string.Join(", ", step.Missing)}.", field: step.Missing[0]);
        }

        if (payment.Amount != cart.Totals.Total)
        {
            var code = payment.Amount < cart.Totals.Total ? CommerceErrorCodes.Underpaid : CommerceErrorCodes.InvalidInput;
            throw new BackendRejectedException(Channel.Name, code, $"The payment of {payment.Amount} must equal the cart total {cart.Totals.Total}.", field: "payment.amount");
        }
    }

    private Order PaidOrder(Cart cart, string invoiceId, PaymentAnswer paid, OrderFlowClient.Recipient recipient)
    {
        var orderId = cart.Backend.Require(OrderFlowCartKeys.OrderId);
        var now = _time.GetUtcNow();
        var cartUpdated = cart.Backend.TimeOf(OrderFlowEvents.CartUpdated) ?? now;
        return new Order
        {
            Id = orderId,
            Channel = Channel.Name,
            Number = orderId,
            Status = OrderStatus.Placed,
            PaymentStatus = PaymentStatus.Paid,
            Total = cart.Totals.Total,
            AmountPaid = paid.Amount,
            AmountRefunded = Money.Zero(cart.Currency),
            PspTransactionId = paid.TransactionId,
            Lines = [.. cart.Lines.Select(l => new OrderLine(l.Id, l.MerchandiseId, l.Quantity, l.Total, l.Title))],
            Events =
            [
                new OrderEvent(OrderFlowEvents.CartUpdated, cartUpdated, $"order {orderId}"),
                new OrderEvent(OrderFlowEvents.InvoiceCreated, cart.Backend.TimeOf(OrderFlowEvents.InvoiceCreated) ?? now, $"invoice {invoiceId}"),
                new OrderEvent(OrderFlowEvents.PaymentProcessed, paid.CompletedAt, $"{paid.Amount.FormatAmount()} {paid.Amount.Currency} paid"),
            ],
            CreatedAt = cartUpdated,
            Backend = BackendData.Empty
                .With(OrderFlowCartKeys.CustomerId, cart.Backend.Require(OrderFlowCartKeys.CustomerId))
                .With(OrderFlowCartKeys.InvoiceId, invoiceId)
                .With(OrderFlowCartKeys.ShipName, recipient.Name)
                .With(OrderFlowCartKeys.ShipPhone, recipient.Phone)
                .With(OrderFlowCartKeys.ShipAddress, recipient.Address)
                .With(OrderFlowCartKeys.NotifyEmail, cart.Buyer!.Email),
        };
    }

    private async Task<Order> TryShipAsync(Order order, CancellationToken cancellationToken)
    {
        var recipient = new OrderFlowClient.Recipient(
            order.Backend.Require(OrderFlowCartKeys.ShipName),
            order.Backend.Get(OrderFlowCartKeys.ShipPhone),
            order.Backend.Require(OrderFlowCartKeys.ShipAddress));
        string tracking;
        try
        {
            tracking = await _client.ShipAsync(order.Id, recipient, cancellationToken);
        }
        catch (CommerceException e) when (e.IsFault || e is BackendConflictException)
        {
            // The buyer has paid: the order stands, and shipping is tried again on the next read.
            OrderFlowLog.ShipmentDeferred(_logger, Channel.Name, order.Id, e.Code);
            return order;
        }

        OrderFlowLog.Shipped(_logger, Channel.Name, order.Id);
        var shipped = order with
        {
            Status = OrderStatus.Fulfilled,
            Shipments = [new Shipment(tracking)],
            Events = [.. order.Events, new OrderEvent(OrderFlowEvents.OrderShipped, _time.GetUtcNow(), $"tracking {tracking}")],
        };
        if (order.Backend.Get(OrderFlowCartKeys.NotifyEmail) is { } email)
        {
            await NotifyAsync(OrderFlowEvents.OrderShipped, recipient.Name, email, order.Id, cancellationToken);
        }

        return shipped;
    }

    /// <summary>Emails the buyer about an event; a failure is logged, never raised, since the order already stands.</summary>
    private async Task NotifyAsync(string eventName, string name, string email, string orderId, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendEmailAsync(eventName, name, email, cancellationToken);
        }
        catch (CommerceException e)
        {
            OrderFlowLog.EmailNotSent(_logger, Channel.Name, eventName, orderId, e.Code);
        }
    }
}
