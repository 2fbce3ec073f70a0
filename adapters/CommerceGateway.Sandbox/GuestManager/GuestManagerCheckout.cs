using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// The checkout state machine: which steps an order needs, moving between them, asynchronous
/// payment (<c>processing</c> settles after <see cref="GuestManagerSandboxSettings.ProcessingDelay"/>),
/// expiry at <c>expires_at</c> and resume.
/// </summary>
internal static class GuestManagerCheckout
{
    /// <summary>The steps the order needs now, in order; the last is complete, requested or reserved.</summary>
    public static List<string> ComputeSteps(GuestManagerStore store, GmOrder order, bool? withEmail = null)
    {
        var steps = new List<string>();
        if (withEmail ?? NeedsGuestDetails(order))
        {
            steps.Add(GmStates.Email);
        }

        if (order.Tickets.Any(t => t.Variant.CollectsAttendee))
        {
            steps.Add(GmStates.Tickets);
        }

        // The seed: "included if shipping is enabled for any of the line items, order total is
        // greater than 0, and/or if the billing address is set to required".
        var shippable = order.LineItems.Any(l => l.Variant.Shippable);
        var waiting = order.LineItems.Any(l => l.Status is "requested" or "reserved");
        var paid = GuestManagerTotals.Of(order).Total > 0;
        if (shippable || paid || store.Settings.RequireBillingAddress)
        {
            steps.Add(GmStates.Address);
        }

        if (shippable)
        {
            steps.Add(GmStates.Delivery);
        }

        if (order.FormResponses.Count > 0)
        {
            steps.Add(GmStates.Form);
        }

        if (!waiting && paid)
        {
            steps.Add(GmStates.Payment);
        }

        if (store.Settings.ConfirmBeforePlacing)
        {
            steps.Add(GmStates.Confirm);
        }

        steps.Add(order.LineItems.Any(l => l.Status == "requested") ? GmStates.Requested
            : order.LineItems.Any(l => l.Status == "reserved") ? GmStates.Reserved
            : GmStates.Complete);
        return steps;
    }

    public static bool NeedsGuestDetails(GmOrder order) =>
        string.IsNullOrWhiteSpace(order.Email) || string.IsNullOrWhiteSpace(order.FirstName) || string.IsNullOrWhiteSpace(order.LastName);

    /// <summary>The checks every checkout call makes first.</summary>
    public static void EnsureCheckoutAllowed(GmOrder order)
    {
        switch (order.State)
        {
            case GmStates.Processing:
                throw GmError.OrderProcessing(order);
            case GmStates.Complete:
                throw GmError.OrderComplete(order);
            case GmStates.Expired:
                throw GmError.CheckoutNotAllowed(order, $"The order expired at {order.ExpiresAt:O} and released its tickets; resume it first.");
        }

        if (order.LineItems.Count == 0)
        {
            throw GmError.CheckoutNotAllowed(order, "The order has no line items.");
        }
    }

    /// <summary><c>PATCH /checkout/{id}/next</c>: one step on, or straight to <paramref name="target"/>.</summary>
    public static void Next(GuestManagerStore store, GmOrder order, string? target, FaultSpec fault)
    {
        EnsureCheckoutAllowed(order);
        if (GmStates.IsFinal(order.State))
        {
            throw GmError.InvalidState(order, target);
        }

        if (order.State == GmStates.Cart)
        {
            order.CheckoutSteps = ComputeSteps(store, order);
            Enter(store, order, order.CheckoutSteps[0]);
            if (target is null || target == order.State)
            {
                return;
            }
        }

        var targetIndex = target is null ? Index(order, order.State) + 1 : Index(order, target);
        if (targetIndex < 0 || targetIndex >= order.CheckoutSteps.Count)
        {
            throw GmError.InvalidState(order, target);
        }

        if (targetIndex <= Index(order, order.State))
        {
            order.State = order.CheckoutSteps[targetIndex];
            return;
        }

        while (Index(order, order.State) < targetIndex && !GmStates.IsFinal(order.State) && order.State != GmStates.Processing)
        {
            var invalid = GuestManagerStepData.Validate(store, order, order.State);
            if (invalid.Count > 0)
            {
                throw GmError.Validation(invalid);
            }

            Advance(store, order, fault, token: null);
        }
    }

    /// <summary><c>PATCH /checkout/{id}</c>: the data of step <c>order[state]</c>, then on to the next step.</summary>
    public static void Update(GuestManagerStore store, GmOrder order, JsonElement data, FaultSpec fault)
    {
        EnsureCheckoutAllowed(order);
        var step = GmRequest.Text(data, "state");
        var index = step is null ? -1 : Index(order, step);
        if (order.State == GmStates.Cart || GmStates.IsFinal(order.State) || index < 0 || index > Index(order, order.State) || GmStates.IsFinal(step!))
        {
            throw GmError.InvalidState(order, step);
        }

        var token = GmRequest.Text(data, "guest_token");
        if (token is not null && token != order.GuestToken)
        {
            throw GmError.Validation("guest_token", "invalid", "does not match the order");
        }

        var paymentToken = GuestManagerStepData.Apply(store, order, step!, data);
        order.State = step!;
        Advance(store, order, fault, paymentToken);
    }

    /// <summary><c>PATCH /checkout/{number}/resume</c>: re-reserves an expired order's tickets, all or nothing.</summary>
    public static void Resume(GuestManagerStore store, GmOrder order, FaultSpec fault)
    {
        if (order.State == GmStates.Complete)
        {
            throw GmError.OrderComplete(order);
        }

        if (order.State != GmStates.Expired)
        {
            return;
        }

        var lines = order.LineItems.Where(l => l.Status == "available").ToList();
        var offSale = lines.Where(l => !l.Variant.OnSale).Select(l => l.Variant.Id).ToList();
        if (offSale.Count > 0)
        {
            throw GmError.OffSale(offSale);
        }

        var soldOut = lines.Where(l => fault.SoldOut || store.Available(l.Variant) < l.Quantity).Select(l => l.Variant.Id).ToList();
        if (soldOut.Count > 0)
        {
            throw GmError.SoldOut(soldOut);
        }

        foreach (var line in lines)
        {
            store.Take(line.Variant, line.Quantity);
            line.Held = true;
        }

        order.State = order.ExpiredFrom ?? GmStates.Cart;
        order.ExpiredFrom = null;
        order.ExpiresAt = store.Now + store.Settings.HoldDuration;
    }

    /// <summary>Settles a finished payment and expires an order past <c>expires_at</c>.</summary>
    public static void Settle(GuestManagerStore store, GmOrder order)
    {
        if (order.State == GmStates.Processing && store.Now >= order.ProcessingUntil)
        {
            var payment = order.Payments.Last(p => p.State == "processing");
            if (order.DeclinePending)
            {
                payment.State = "failed";
                payment.FailureMessage = "Your card was declined.";
                order.PaymentState = "failed";
                order.DeclinePending = false;
                order.State = GmStates.Payment;
            }
            else
            {
                payment.State = "completed";
                payment.ResponseCode = "ch_" + Guid.NewGuid().ToString("N")[..24];
                Finish(store, order, GmStates.Complete, order.ProcessingUntil!.Value);
            }
        }
        else if (order.State is not (GmStates.Processing or GmStates.Expired) && !GmStates.IsFinal(order.State) && store.Now >= order.ExpiresAt)
        {
            order.ExpiredFrom = order.State;
            order.State = GmStates.Expired;
            store.ReleaseAll(order);
        }
    }

    private static void Advance(GuestManagerStore store, GmOrder order, FaultSpec fault, string? token)
    {
        var pending = order.Payments.LastOrDefault(p => p.State == "checkout");
        var leavingPayment = order.State == GmStates.Payment || (order.State == GmStates.Confirm && pending is not null);
        var next = order.CheckoutSteps[Index(order, order.State) + 1];
        if (leavingPayment && (fault.Decline || (token?.Contains("declined", StringComparison.OrdinalIgnoreCase) ?? false)))
        {
            // The decision is taken when the payment is submitted, whichever request starts processing.
            order.DeclinePending = true;
        }

        if (leavingPayment && next != GmStates.Confirm)
        {
            pending!.State = "processing";
            order.State = GmStates.Processing;
            order.ProcessingUntil = store.Now + store.Settings.ProcessingDelay;
            Settle(store, order);
            return;
        }

        Enter(store, order, next);
    }

    private static void Enter(GuestManagerStore store, GmOrder order, string step)
    {
        if (GmStates.IsFinal(step))
        {
            Finish(store, order, step, store.Now);
            return;
        }

        order.State = step;
    }

    private static void Finish(GuestManagerStore store, GmOrder order, string state, DateTimeOffset at)
    {
        order.State = state;
        var totals = GuestManagerTotals.Of(order);
        order.PaymentState = totals.PaymentTotal >= totals.Total ? "paid" : "balance_due";
        if (state != GmStates.Complete)
        {
            return;
        }

        order.CompletedAt = at;
        foreach (var ticket in order.Tickets.Where(t => t.Barcode is null))
        {
            ticket.Barcode = "GM" + store.NextId().ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        }
    }

    private static int Index(GmOrder order, string state) => order.CheckoutSteps.IndexOf(state);
}
