namespace CommerceGateway.Adapters.GuestManager;

/// <summary>Reads an Order resource into the unified order and payment outcome.</summary>
internal static class GuestManagerOrderReader
{
    public static Order Read(string channel, BackendJsonValue order, TimeProvider time)
    {
        var currency = order.Required("currency").AsCurrency();
        var state = order.Required("state").AsString();
        var paymentState = order.Optional("payment_state")?.AsString();
        var lineItems = order.Required("line_items").Items().ToList();
        var tickets = order.Optional("tickets")?.Items().ToList() ?? [];
        var payments = order.Optional("payments")?.Items().ToList() ?? [];
        var total = order.Required("total").AsMoney(currency);
        var paid = order.Optional("payment_total")?.AsMoney(currency) ?? Money.Zero(currency);
        var shippable = lineItems.Any(l => l.Optional("shippable")?.AsBoolean() == true);
        var createdAt = order.Optional("created_at")?.AsDateTime();
        var completedAt = order.Optional("completed_at")?.AsDateTime();

        var lines = new List<OrderLine>();
        foreach (var item in lineItems)
        {
            var id = item.Required("id").AsText();
            var variant = item.Required("variant_id").AsText();
            var title = item.Optional("name")?.AsString();
            var own = tickets.Where(t => t.Required("line_item_id").AsText() == id).ToList();
            if (own.Count == 0)
            {
                lines.Add(new OrderLine(id, variant, item.Required("quantity").AsInt32(), item.Required("total").AsMoney(currency), title));
                continue;
            }

            var unit = GuestManagerCartReader.ReadMoney(item.Required("price"), currency);
            lines.AddRange(own.Select(t => new OrderLine(t.Required("id").AsText(), variant, 1, unit, title, t.Optional("barcode")?.AsString())));
        }

        var events = new List<OrderEvent>();
        if (createdAt is { } created)
        {
            events.Add(new OrderEvent("created", created));
        }

        events.AddRange(payments.Where(p => p.Optional("state")?.AsString() == "failed")
            .Select(_ => new OrderEvent("payment_failed", time.GetUtcNow())));
        if (completedAt is { } completed)
        {
            events.Add(new OrderEvent(state, completed, $"payment {paymentState ?? "none"}"));
        }

        var refunded = paymentState == "refunded" ? paid : Money.Zero(currency);
        return new Order
        {
            Id = order.Required("id").AsText(),
            Channel = channel,
            Number = order.Required("number").AsText(),
            Status = state switch
            {
                GuestManagerSteps.Complete => shippable ? OrderStatus.Placed : OrderStatus.Fulfilled,
                "canceled" or "voided" or "abandoned" or GuestManagerSteps.Expired => OrderStatus.Cancelled,
                _ => OrderStatus.Pending,
            },
            PaymentStatus = state == GuestManagerSteps.Processing ? PaymentStatus.Processing : paymentState switch
            {
                "paid" or "credit_owed" => PaymentStatus.Paid,
                "partial_refund" => PaymentStatus.PartiallyRefunded,
                "refunded" => PaymentStatus.Refunded,
                "failed" => PaymentStatus.Failed,
                _ => PaymentStatus.Pending,
            },
            Total = total,
            AmountPaid = paid,
            AmountRefunded = refunded,
            PspTransactionId = payments.Where(p => p.Optional("state")?.AsString() == "completed").Select(p => p.Optional("response_code")?.AsString()).LastOrDefault(),
            FailureReason = GuestManagerCheckoutReader.FailureReason(order),
            Lines = lines,
            Events = events,
            CreatedAt = createdAt,
            Backend = BackendData.Empty
                .With(GuestManagerCartReader.OrderIdKey, order.Required("id").AsText())
                .With(GuestManagerCartReader.NumberKey, order.Required("number").AsText())
                .With(GuestManagerCartReader.GuestTokenKey, order.Optional("guest_token")?.AsString())
                .With(GuestManagerCartReader.StateKey, state),
        };
    }
}
