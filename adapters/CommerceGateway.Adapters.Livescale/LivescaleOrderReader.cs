namespace CommerceGateway.Adapters.Livescale;

/// <summary>Reads the spec's Order schema (id, status, payment_status, total_invoiced, total_paid).</summary>
internal static class LivescaleOrderReader
{
    /// <summary>The order just created from <paramref name="cart"/>.</summary>
    public static Order Read(BackendJsonValue json, Cart cart, string? pspTransactionId, DateTimeOffset now)
    {
        var order = new Order
        {
            Id = json.Required("id").AsText(),
            Channel = cart.Channel,
            Status = OrderStatus.Pending,
            PaymentStatus = PaymentStatus.Pending,
            Total = json.Required("total_invoiced").AsMoney(cart.Currency),
            AmountPaid = Money.Zero(cart.Currency),
            AmountRefunded = Money.Zero(cart.Currency),
            PspTransactionId = pspTransactionId,
            Lines = cart.Lines.Select(l => new OrderLine(l.Id, l.MerchandiseId, l.Quantity, l.Total, l.Title)).ToList(),
            CreatedAt = now,
            Events = [new OrderEvent("ORDER_CREATED", now, $"{cart.Lines.Count} line(s)")],
            Backend = BackendData.Empty.With(LivescaleKeys.BasketId, cart.Backend.Get(LivescaleKeys.BasketId)),
        };
        return Update(order, json, now);
    }

    /// <summary>
    /// The order after a capture report. A failed capture (the merchant keeps the order NEW with
    /// payment_status FAILED and a reason) leaves the authorization in force: the order stays
    /// Authorized, shows the reason and records CAPTURE_FAILED, so it can be captured again.
    /// </summary>
    public static Order AfterCapture(Order before, Order reported, DateTimeOffset now)
    {
        if (reported.PaymentStatus == PaymentStatus.Paid)
        {
            return reported with { FailureReason = null };
        }

        if (reported.Status != OrderStatus.Placed || reported.PaymentStatus != PaymentStatus.Failed)
        {
            return reported;
        }

        var reason = reported.FailureReason ?? "The capture failed.";
        return reported with
        {
            PaymentStatus = PaymentStatus.Authorized,
            FailureReason = reason,
            Events = [.. before.Events, new OrderEvent("CAPTURE_FAILED", now, reason)],
        };
    }

    /// <summary>The order as the merchant's answer to a report shows it, with an event when its payment status changed.</summary>
    public static Order Update(Order order, BackendJsonValue json, DateTimeOffset now)
    {
        var id = json.Required("id").AsText();
        if (id != order.Id)
        {
            throw json.Required("id").Problem($"expected order {order.Id}");
        }

        var currency = order.Total.Currency;
        var status = json.Required("status").AsString();
        var paymentStatus = json.Required("payment_status").AsString();
        var updated = order with
        {
            Status = status switch
            {
                "NEW" => OrderStatus.Placed,
                "FAILED" => OrderStatus.Failed,
                _ => OrderStatus.Pending,
            },
            PaymentStatus = paymentStatus switch
            {
                "PAID" => PaymentStatus.Paid,
                "FAILED" => PaymentStatus.Failed,
                "AUTHORIZED" => PaymentStatus.Authorized,
                _ when status == "NEW" => PaymentStatus.Authorized,
                _ when status == "FAILED" => PaymentStatus.Failed,
                _ => PaymentStatus.Pending,
            },
            Total = json.Required("total_invoiced").AsMoney(currency),
            AmountPaid = json.Required("total_paid").AsMoney(currency),
            FailureReason = json.Optional("reason")?.AsString(),
        };

        return updated.PaymentStatus == order.PaymentStatus && updated.Status == order.Status
            ? updated
            : updated with { Events = [.. order.Events, new OrderEvent($"PAYMENT_{paymentStatus}", now, $"order {status}")] };
    }
}
