namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// Line items, their tickets and forms, and inventory holds. A change is checked in full before
/// anything moves, so a refused change leaves the order as it was. Any change of contents sends
/// an order in checkout back to <c>cart</c>: its steps may no longer be the same.
/// </summary>
internal static class GuestManagerLines
{
    /// <summary>Sets the quantity of each listed variant; with <paramref name="replaceAll"/>, unlisted lines are removed.</summary>
    public static void Set(GuestManagerStore store, GmOrder order, IReadOnlyList<(long VariantId, int Quantity)> wanted, bool replaceAll, bool soldOutFault)
    {
        EnsureModifiable(order);
        var desired = new Dictionary<long, int>();
        foreach (var (variantId, quantity) in wanted)
        {
            if (quantity < 0)
            {
                throw GmError.Validation("line_items.quantity", "invalid", "must be zero or more");
            }

            if (!store.Catalog.Variants.ContainsKey(variantId))
            {
                throw GmError.Validation("line_items.variant_id", "invalid", $"variant {variantId} does not exist");
            }

            desired[variantId] = desired.GetValueOrDefault(variantId) + quantity;
        }

        if (replaceAll)
        {
            foreach (var line in order.LineItems.Where(l => !desired.ContainsKey(l.Variant.Id)))
            {
                desired[line.Variant.Id] = 0;
            }
        }

        var plan = desired.Select(d => (Variant: store.Catalog.Variants[d.Key], Quantity: d.Value)).ToList();
        var statuses = plan.ToDictionary(p => p.Variant.Id, p => p.Quantity == 0 ? null : Classify(store, order, p.Variant, p.Quantity, soldOutFault));
        var soldOut = statuses.Where(s => s.Value == "sold_out").Select(s => s.Key).ToList();
        if (soldOut.Count > 0)
        {
            throw GmError.SoldOut(soldOut);
        }

        var offSale = statuses.Where(s => s.Value == "off_sale").Select(s => s.Key).ToList();
        if (offSale.Count > 0)
        {
            throw GmError.OffSale(offSale);
        }

        foreach (var (variant, quantity) in plan)
        {
            Apply(store, order, variant, quantity, statuses[variant.Id]);
        }

        SyncForms(store, order);
        if (order.State != GmStates.Cart)
        {
            order.State = GmStates.Cart;
            order.CheckoutSteps = [];
        }
    }

    /// <summary>Refuses changes once payment is under way or the order is over.</summary>
    public static void EnsureModifiable(GmOrder order)
    {
        switch (order.State)
        {
            case GmStates.Processing:
                throw GmError.OrderProcessing(order);
            case GmStates.Complete:
                throw GmError.OrderComplete(order);
            case GmStates.Expired or GmStates.Requested or GmStates.Reserved:
                throw GmError.CannotModify(order);
        }
    }

    /// <summary>available, requested or reserved; or sold_out / off_sale when the line cannot be had at all.</summary>
    public static string Classify(GuestManagerStore store, GmOrder order, GmVariant variant, int quantity, bool soldOutFault)
    {
        if (!variant.OnSale)
        {
            return variant.CanReserve ? "reserved" : "off_sale";
        }

        var own = order.LineItems.Where(l => l.Variant.Id == variant.Id && l.Held).Sum(l => l.Quantity);
        var available = soldOutFault ? 0 : (long)store.Available(variant) + own;
        return available >= quantity ? "available" : variant.CanRequest ? "requested" : "sold_out";
    }

    private static void Apply(GuestManagerStore store, GmOrder order, GmVariant variant, int quantity, string? status)
    {
        var line = order.LineItems.FirstOrDefault(l => l.Variant.Id == variant.Id);
        if (line is not null && line.Held)
        {
            store.Give(variant, line.Quantity);
            line.Held = false;
        }

        if (status is null)
        {
            if (line is not null)
            {
                order.LineItems.Remove(line);
                order.Tickets.RemoveAll(t => t.LineItemId == line.Id);
            }

            return;
        }

        if (line is null)
        {
            line = new GmLineItem { Id = store.NextId(), Variant = variant, Status = status };
            order.LineItems.Add(line);
        }

        line.Quantity = quantity;
        line.Status = status;
        if (status == "available")
        {
            store.Take(variant, quantity);
            line.Held = true;
        }

        if (variant.IsTicket)
        {
            var tickets = order.Tickets.Where(t => t.LineItemId == line.Id).ToList();
            for (var i = tickets.Count; i < quantity; i++)
            {
                order.Tickets.Add(new GmTicket { Id = store.NextId(), LineItemId = line.Id, Variant = variant });
            }

            foreach (var extra in tickets.Skip(quantity))
            {
                order.Tickets.Remove(extra);
            }
        }
    }

    private static void SyncForms(GuestManagerStore store, GmOrder order)
    {
        var events = order.LineItems.Select(l => l.Variant.EventId).OfType<long>().Where(store.Catalog.Forms.ContainsKey).ToHashSet();
        order.FormResponses.RemoveAll(r => !events.Contains(r.EventId));
        foreach (var eventId in events.Where(e => order.FormResponses.All(r => r.EventId != e)))
        {
            var form = store.Catalog.Forms[eventId];
            order.FormResponses.Add(new GmFormResponse
            {
                Id = store.NextId(),
                EventId = eventId,
                Form = form,
                AnswerIds = form.Fields.ToDictionary(f => f.Id, _ => store.NextId()),
            });
        }
    }
}
