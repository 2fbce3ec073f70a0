using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>
/// The OrderFlow backend's state: orders with their invoice, payment and shipment. Thread-safe; all
/// time comes from the injected clock. Ids start at the source's example values (order 456,
/// invoice 789, transaction 1071573807, tracking 12345678) and count up.
/// </summary>
internal sealed class OrderFlowStore(OrderFlowSandboxOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OrderFlowOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _orderByInvoice = new(StringComparer.Ordinal);
    private readonly List<OrderFlowEmail> _outbox = [];
    private long _nextOrder = 456;
    private long _nextInvoice = 789;
    private long _nextTransaction = 1071573807;
    private long _nextTracking = 12345678;

    public string Currency => options.Currency.ToUpperInvariant();

    /// <summary>CartUpdated: creates an order, or replaces the items of a pending one (voiding an unpaid invoice).</summary>
    public OrderFlowOrder UpdateCart(string customerId, string? orderId, IReadOnlyList<OrderFlowRequestReader.RequestedItem> items, FaultSpec fault)
    {
        var lines = Validate(items, fault);
        lock (_gate)
        {
            OrderFlowOrder order;
            if (orderId is null)
            {
                order = new OrderFlowOrder((_nextOrder++).ToString(System.Globalization.CultureInfo.InvariantCulture), customerId);
                _orders.Add(order.Id, order);
            }
            else
            {
                order = OwnedOrder(orderId, customerId);
                if (order.Status is OrderFlowOrderStatus.Paid or OrderFlowOrderStatus.Shipped)
                {
                    throw OrderFlowRequestException.Conflict("order_closed", $"Order {order.Id} is paid; its cart can no longer change.");
                }

                if (order.Invoice is { } invoice)
                {
                    order.Invoice = invoice with { Void = true };
                    order.Status = OrderFlowOrderStatus.Pending;
                }
            }

            order.Items = lines;
            order.Total = lines.Sum(l => l.Price * l.Quantity);
            order.Tax = Math.Round(order.Total * options.TaxRate / (1m + options.TaxRate), 2, MidpointRounding.AwayFromZero);
            order.Subtotal = order.Total - order.Tax;
            return order.Snapshot();
        }
    }

    /// <summary>InvoiceCreated: one open invoice per order; asking again with the same totals returns it.</summary>
    public (OrderFlowInvoice Invoice, bool Created) CreateInvoice(InvoiceRequest request)
    {
        if (!string.Equals(request.Currency, Currency, StringComparison.OrdinalIgnoreCase))
        {
            throw OrderFlowRequestException.Unprocessable("unsupported_currency", $"This shop bills in {Currency}, not '{request.Currency}'.");
        }

        lock (_gate)
        {
            var order = OwnedOrder(request.OrderId, request.CustomerId);
            if (order.Status is OrderFlowOrderStatus.Paid or OrderFlowOrderStatus.Shipped)
            {
                throw OrderFlowRequestException.Conflict("order_already_paid", $"Order {order.Id} is already paid.");
            }

            if (request.Total != order.Total || request.Tax != order.Tax || request.Subtotal != order.Subtotal)
            {
                throw OrderFlowRequestException.Conflict(
                    "totals_mismatch",
                    $"The invoice totals (total {request.Total}, tax {request.Tax}, subtotal {request.Subtotal}) differ from order {order.Id} (total {order.Total}, tax {order.Tax}, subtotal {order.Subtotal}).");
            }

            if (order.Invoice is { Void: false } open)
            {
                return (open, false);
            }

            var invoice = new OrderFlowInvoice(
                (_nextInvoice++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                order.Id, order.CustomerId, order.Total, Currency, request.Name, request.Phone, request.ShippingAddress);
            order.Invoice = invoice;
            order.Status = OrderFlowOrderStatus.Invoiced;
            _orderByInvoice[invoice.Id] = order.Id;
            return (invoice, true);
        }
    }

    /// <summary>PaymentProcessed: bills the invoice's total through the billing partner, honouring decline and capture-failure faults.</summary>
    public (OrderFlowPayment Payment, OrderFlowOrder Order) Pay(string customerId, string invoiceId, decimal amount, FaultSpec fault)
    {
        lock (_gate)
        {
            if (!_orderByInvoice.TryGetValue(invoiceId, out var orderId))
            {
                throw OrderFlowRequestException.NotFound("invoice_not_found", $"No invoice {invoiceId}.");
            }

            var order = OwnedOrder(orderId, customerId);
            var invoice = order.Invoice!.Id == invoiceId ? order.Invoice : null;
            if (invoice is null || invoice.Void)
            {
                throw OrderFlowRequestException.Conflict("invoice_void", $"Invoice {invoiceId} was voided by a cart change; create a new invoice.");
            }

            if (invoice.Paid)
            {
                throw OrderFlowRequestException.Conflict("invoice_already_paid", $"Invoice {invoiceId} is already paid.");
            }

            if (amount != invoice.Total)
            {
                throw OrderFlowRequestException.Unprocessable("amount_mismatch", $"The amount {amount} differs from invoice {invoiceId}'s total {invoice.Total}.");
            }

            if (fault.Decline)
            {
                throw new OrderFlowRequestException(StatusCodes.Status402PaymentRequired, "payment_declined", "The billing partner declined the payment.");
            }

            if (fault.CaptureFailure is { } reason)
            {
                throw new OrderFlowRequestException(StatusCodes.Status402PaymentRequired, "capture_failed", reason);
            }

            var now = time.GetUtcNow();
            var names = invoice.Name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var payment = new OrderFlowPayment(_nextTransaction++, invoiceId, amount, invoice.Currency, now, now, names[0], names.Length > 1 ? names[1] : string.Empty);
            order.Invoice = invoice with { Paid = true };
            order.Payment = payment;
            order.Status = OrderFlowOrderStatus.Paid;
            return (payment, order.Snapshot());
        }
    }

    /// <summary>Every order with its payment, for the sandbox ledger.</summary>
    public IReadOnlyList<Hosting.LedgerEntry> Ledger()
    {
        lock (_gate)
        {
            return [.. _orders.Values.Select(o => new Hosting.LedgerEntry(
                "orderflow", o.Id, null, o.Status.ToString().ToLowerInvariant(), o.Total, o.Invoice?.Currency ?? Currency,
                o.Payment?.Amount ?? 0m, o.Payment is null ? 0 : 1, o.Invoice?.Name, [], null))];
        }
    }

    /// <summary>OrderShipped: ships a paid order once; asking again returns the same tracking number.</summary>
    public (long TrackingNumber, bool Created) Ship(string orderId)
    {
        lock (_gate)
        {
            var order = _orders.GetValueOrDefault(orderId) ?? throw OrderFlowRequestException.NotFound("order_not_found", $"No order {orderId}.");
            switch (order.Status)
            {
                case OrderFlowOrderStatus.Shipped:
                    return (order.TrackingNumber!.Value, false);
                case OrderFlowOrderStatus.Paid:
                    order.TrackingNumber = _nextTracking++;
                    order.Status = OrderFlowOrderStatus.Shipped;
                    return (order.TrackingNumber.Value, true);
                default:
                    throw OrderFlowRequestException.Conflict("order_not_paid", $"Order {orderId} is not paid, so it cannot ship.");
            }
        }
    }

    /// <summary>Records a notification email.</summary>
    public void SendEmail(string eventName, string name, string email)
    {
        lock (_gate)
        {
            _outbox.Add(new OrderFlowEmail(eventName, name, email, time.GetUtcNow()));
        }
    }

    /// <summary>The emails sent so far, oldest first.</summary>
    public IReadOnlyList<OrderFlowEmail> Outbox()
    {
        lock (_gate)
        {
            return [.. _outbox];
        }
    }

    private static List<OrderFlowItem> Validate(IReadOnlyList<OrderFlowRequestReader.RequestedItem> items, FaultSpec fault)
    {
        var lines = new List<OrderFlowItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var product = OrderFlowCatalog.Find(item.ProductId)
                ?? throw OrderFlowRequestException.Unprocessable("unknown_product", $"items[{i}]: no product {item.ProductId}.");
            if (!product.OnSale)
            {
                throw OrderFlowRequestException.Unprocessable("off_sale", $"items[{i}]: product {product.Id} is not on sale.");
            }

            if (fault.SoldOut || product.Id == OrderFlowCatalog.SoldOutProductId)
            {
                throw OrderFlowRequestException.Conflict("sold_out", $"items[{i}]: product {product.Id} is sold out.");
            }

            if (item.Price != product.Price)
            {
                throw OrderFlowRequestException.Unprocessable("price_mismatch", $"items[{i}]: product {product.Id} costs {product.Price}, not {item.Price}.");
            }

            lines.Add(new OrderFlowItem(item.ProductId, item.Quantity, item.Price));
        }

        return lines;
    }

    private OrderFlowOrder OwnedOrder(string orderId, string customerId)
    {
        var order = _orders.GetValueOrDefault(orderId) ?? throw OrderFlowRequestException.NotFound("order_not_found", $"No order {orderId}.");
        return order.CustomerId == customerId
            ? order
            : throw OrderFlowRequestException.Conflict("customer_mismatch", $"Order {orderId} belongs to another customer.");
    }

    internal sealed record InvoiceRequest(string CustomerId, string OrderId, decimal Total, decimal Tax, decimal Subtotal, string Currency, string Name, string? Phone, string ShippingAddress);
}
