namespace CommerceGateway.Adapters.GuestManager;

/// <summary>
/// The unified checkout state of an order: <c>checkout_steps</c> in the backend's order, the
/// ones before the current <c>state</c> completed, and what each remaining step still lacks.
/// </summary>
internal static class GuestManagerCheckoutReader
{
    public static CheckoutState Read(BackendJsonValue order, string state, IReadOnlyList<CartLine> lines, IReadOnlyList<BackendJsonValue> tickets, CartTotals totals)
    {
        if (state == GuestManagerSteps.Cart)
        {
            return CheckoutState.NotStarted;
        }

        var names = order.Required("checkout_steps").Items().Select(s => s.AsString()).ToList();
        var unsupported = names.FirstOrDefault(n => GuestManagerSteps.KindOf(n) is null);
        if (unsupported is not null)
        {
            var link = order.Optional("links")?.Optional("checkout")?.AsString();
            throw new BackendRejectedException(
                order.Channel,
                CommerceErrorCodes.Rejected,
                $"The order needs the '{unsupported}' checkout step, which the gateway cannot complete through the API; the buyer can finish at the backend's checkout page{(link is null ? "." : ": " + link)}",
                unsupported);
        }

        var current = state switch
        {
            GuestManagerSteps.Processing => names.IndexOf(GuestManagerSteps.Complete),
            GuestManagerSteps.Expired => -1,
            _ => names.IndexOf(state),
        };
        if (current < 0 && state != GuestManagerSteps.Expired)
        {
            throw order.Required("state").Problem($"'{state}' is neither a checkout step of the order nor a known state");
        }

        var finished = GuestManagerSteps.IsFinal(state);
        var steps = names.Select((name, i) =>
        {
            var kind = GuestManagerSteps.KindOf(name)!.Value;
            var completed = current >= 0 && (i < current || (finished && i == current));
            return completed ? CheckoutStep.Done(kind) : new CheckoutStep(kind, false, Missing(order, kind, lines, tickets, totals));
        }).ToList();

        var failed = LastPayment(order) is { } payment && payment.Optional("state")?.AsString() == "failed";
        var status = state switch
        {
            GuestManagerSteps.Processing => CheckoutStatus.Processing,
            GuestManagerSteps.Complete => CheckoutStatus.Complete,
            GuestManagerSteps.Expired => CheckoutStatus.Expired,
            GuestManagerSteps.Requested or GuestManagerSteps.Reserved => CheckoutStatus.Submitted,
            GuestManagerSteps.Payment when failed => CheckoutStatus.PaymentFailed,
            _ => CheckoutStatus.Open,
        };
        return new CheckoutState(
            steps,
            state == GuestManagerSteps.Expired ? null : GuestManagerSteps.KindOf(state),
            status,
            FailureReason: status == CheckoutStatus.PaymentFailed ? FailureReason(order) : null);
    }

    /// <summary>The failure message of the order's last payment, when it failed.</summary>
    public static string? FailureReason(BackendJsonValue order) =>
        LastPayment(order) is { } payment && payment.Optional("state")?.AsString() == "failed"
            ? payment.Optional("failure_message")?.AsString() ?? "The payment failed."
            : null;

    private static BackendJsonValue? LastPayment(BackendJsonValue order) =>
        order.Optional("payments")?.Items().Where(p => p.Optional("state")?.AsString() != "void").Select(p => (BackendJsonValue?)p).LastOrDefault();

    private static string[] Missing(BackendJsonValue order, CheckoutStepKind kind, IReadOnlyList<CartLine> lines, IReadOnlyList<BackendJsonValue> tickets, CartTotals totals)
    {
        switch (kind)
        {
            case CheckoutStepKind.Email:
                return [.. new[] { ("email", "buyer.email"), ("first_name", "buyer.firstName"), ("last_name", "buyer.lastName") }
                    .Where(f => string.IsNullOrWhiteSpace(order.Optional(f.Item1)?.AsString()))
                    .Select(f => f.Item2)];
            case CheckoutStepKind.Tickets:
                return tickets.Any(t => GuestManagerCartReader.CollectsAttendee(t) && t.Optional("keep")?.AsBoolean() != true
                    && ((t.Optional("collect_name")?.AsBoolean() == true && t.Optional("name") is null)
                        || (t.Optional("collect_email")?.AsBoolean() == true && t.Optional("email") is null)))
                    ? ["attendees"]
                    : [];
            case CheckoutStepKind.Address:
                var shippable = order.Required("line_items").Items().Any(l => l.Optional("shippable")?.AsBoolean() == true);
                return [.. new[]
                {
                    shippable && order.Optional("ship_address") is null ? "shippingAddress" : null,
                    totals.Total.Amount > 0 && order.Optional("bill_address") is null ? "billingAddress" : null,
                }.OfType<string>()];
            case CheckoutStepKind.Delivery:
                return order.Optional("shipments")?.Items().Any() == true ? [] : ["shippingOption"];
            case CheckoutStepKind.Form:
                return [.. (order.Optional("form_responses")?.Items() ?? []).SelectMany(r => r.Required("answers").Items()
                    .Where(a => a.Optional("required")?.AsBoolean() == true && string.IsNullOrWhiteSpace(a.Optional("value")?.AsText()))
                    .Select(a => $"formAnswers.{r.Required("id").AsText()}.{a.Required("id").AsText()}"))];
            case CheckoutStepKind.Payment:
                return lines.Count == 0 ? [] : ["payment"];
            case CheckoutStepKind.Confirm:
                return ["confirmation"];
            default:
                return [];
        }
    }
}
