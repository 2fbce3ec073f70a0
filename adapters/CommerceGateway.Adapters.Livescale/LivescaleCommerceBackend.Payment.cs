namespace CommerceGateway.Adapters.Livescale;

/// <content>Payment method, order, authorization and capture reports.</content>
public sealed partial class LivescaleCommerceBackend
{
    /// <summary>
    /// Pays as Livescale does once its payment orchestrator has authorized the card: checks that
    /// the merchant offers the LIVESCALE payment method, chooses it, creates the order, then
    /// reports the authorization with the PSP transaction id (<c>PUT /orders/{id}</c> with status
    /// NEW). With CaptureLater the payment stays Authorized until <see cref="CaptureAsync"/>;
    /// without it the capture is reported at once (payment_status PAID). A merchant that refuses
    /// the authorization gives a Failed outcome with its reason, and the cart can pay again.
    /// </summary>
    public override async Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.PspTransactionId is null)
        {
            throw Invalid("Livescale's payment orchestrator tokenizes and authorizes the card itself: give the PSP transaction id of the authorization, not a PSP token.", "payment.pspTransactionId");
        }

        if (payment.Amount != cart.Totals.Total)
        {
            throw Invalid($"The payment of {payment.Amount} does not match the cart total of {cart.Totals.Total}.", "payment.amount");
        }

        var missing = LivescaleCheckoutSteps.Compute(cart, CheckoutStatus.Open).Steps
            .Where(s => s.Kind != CheckoutStepKind.Payment && !s.Completed)
            .ToList();
        if (missing.Count > 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, $"Checkout is not ready for payment; still needed: {string.Join(", ", missing.SelectMany(s => s.Missing))}.");
        }

        await ChooseLivescalePaymentMethodAsync(cart, cancellationToken);

        using var created = await _client.SendAsync(new LivescaleCall("SubmitPayment", HttpMethod.Post, "orders", new { basket_id = BasketId(cart) }), cancellationToken);
        var order = LivescaleOrderReader.Read(created.Root(Channel.Name), cart, pspTransactionId: null, _time.GetUtcNow());

        var pspName = payment.PspName ?? Channel.Setting("PspName", "livescale")!;
        var report = new Dictionary<string, string>
        {
            ["status"] = "NEW",
            ["psp_name"] = pspName,
            ["psp_transaction_id"] = payment.PspTransactionId,
        };
        if (!Channel.Supports(ChannelCapabilities.CaptureLater))
        {
            report["payment_status"] = "PAID";
        }

        try
        {
            order = await ReportAsync(order, "SubmitPayment", report, cancellationToken);
        }
        catch (CommerceException e) when (e.RequestNotSent)
        {
            // The order exists at the merchant: the payment as a whole may have taken effect.
            throw AfterPaymentReachedBackend(e);
        }

        order = order with
        {
            PspTransactionId = payment.PspTransactionId,
            Backend = order.Backend.With(LivescaleKeys.PspName, pspName).With(LivescaleKeys.AuthorizedAt, _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (order.PaymentStatus == PaymentStatus.Failed)
        {
            var reason = order.FailureReason ?? "The merchant refused the payment.";
            var failed = cart with
            {
                Checkout = LivescaleCheckoutSteps.Compute(cart, CheckoutStatus.PaymentFailed, reason),
                Backend = cart.Backend.With(LivescaleKeys.FailedOrderId, order.Id),
            };
            return new PaymentOutcome(failed, PaymentStatus.Failed, FailureReason: reason);
        }

        var completed = cart with { OrderId = order.Id, Checkout = LivescaleCheckoutSteps.Completed(cart) };
        return new PaymentOutcome(completed, order.PaymentStatus, order);
    }

    /// <summary>
    /// Reports the capture of the whole authorized amount (<c>PUT /orders/{id}</c> with
    /// payment_status PAID and the PSP transaction id). A capture that failed at the PSP, which the
    /// merchant records as payment_status FAILED with a reason while the order stays NEW, leaves the
    /// authorization in force: the order comes back Authorized with the reason and a CAPTURE_FAILED
    /// event, and can be captured again until the authorization lapses (<see cref="AuthorizationLifetimeSetting"/>).
    /// The protocol lets the status be reported again (the spec's PUT sends the order's statuses, and
    /// nothing makes FAILED final); a merchant that refuses the capture fails the order instead (status
    /// FAILED, stock given back), which no capture can follow. A paid order is returned unchanged.
    /// </summary>
    public override async Task<Order> CaptureAsync(Order order, Money? amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!Channel.Supports(ChannelCapabilities.CaptureLater))
        {
            // Such a channel reports PAID with the authorization; a separate capture has no meaning.
            return await NotSupported<Order>(ChannelCapabilities.CaptureLater);
        }

        if (amount is { } partial && partial != order.Total)
        {
            throw Invalid($"Livescale captures the whole order ({order.Total}); a capture of {partial} is not possible.", "amount");
        }

        if (order.PaymentStatus == PaymentStatus.Paid)
        {
            return order;
        }

        if (_authorization.LapsedAt(order, _time.GetUtcNow()) is { } lapsed)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, _authorization.Reason(order, lapsed));
        }

        if (order.PaymentStatus != PaymentStatus.Authorized || order.PspTransactionId is null)
        {
            var message = order.Status == OrderStatus.Failed
                ? $"Only an authorized order can be captured; the merchant failed order {order.Id} ({order.FailureReason ?? "no reason given"}) and gave its stock back: pay again from a new cart."
                : $"Only an authorized order can be captured; order {order.Id} is {order.PaymentStatus}{(order.FailureReason is { } reason ? $": {reason}" : ".")}";
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, message);
        }

        var report = new Dictionary<string, string>
        {
            ["payment_status"] = "PAID",
            ["psp_name"] = order.Backend.Get(LivescaleKeys.PspName) ?? Channel.Setting("PspName", "livescale")!,
            ["psp_transaction_id"] = order.PspTransactionId,
        };
        var reported = await ReportAsync(order, "Capture", report, cancellationToken);
        return LivescaleOrderReader.AfterCapture(order, reported, _time.GetUtcNow());
    }

    /// <summary>
    /// The Livescale Shopping API has no call that reads an order: the order is returned as the
    /// adapter last saw it (from order creation and the payment reports), except that an authorization
    /// past its lifetime (<see cref="AuthorizationLifetimeSetting"/>) reads as a failed payment with the
    /// reason and an AUTHORIZATION_LAPSED event, since it can no longer be captured.
    /// </summary>
    public override Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Task.FromResult(_authorization.LapsedAt(order, _time.GetUtcNow()) is { } lapsed ? _authorization.Lapse(order, lapsed) : order);
    }

    private async Task ChooseLivescalePaymentMethodAsync(Cart cart, CancellationToken cancellationToken)
    {
        using (var methods = await _client.SendAsync(new LivescaleCall("SubmitPayment", HttpMethod.Get, BasketPath(cart, "/payment_methods")), cancellationToken))
        {
            var offered = methods.Root(Channel.Name);
            if (!offered.Items().Any(m => m.Optional("id")?.AsText() == LivescalePaymentMethod))
            {
                throw offered.Problem($"the merchant does not offer the {LivescalePaymentMethod} payment method, which the Livescale Shopping API requires it to return");
            }
        }

        using var chosen = await _client.SendAsync(new LivescaleCall("SubmitPayment", HttpMethod.Put, BasketPath(cart, "/payment_method"), new { id = LivescalePaymentMethod }, SafeToRetry: true), cancellationToken);
    }

    // Reports set a status on the order, so repeating one has the effect of sending it once.
    private async Task<Order> ReportAsync(Order order, string operation, Dictionary<string, string> report, CancellationToken cancellationToken)
    {
        using var answer = await _client.SendAsync(new LivescaleCall(operation, HttpMethod.Put, $"orders/{Uri.EscapeDataString(order.Id)}", report, SafeToRetry: true), cancellationToken);
        var updated = LivescaleOrderReader.Update(order, answer.Root(Channel.Name), _time.GetUtcNow());
        LivescaleLog.OrderReported(_logger, Channel.Name, order.Id, operation, updated.Status, updated.PaymentStatus);
        return updated;
    }
}
