using System.Text.Json.Nodes;

namespace CommerceGateway.Adapters.GuestManager;

/// <content>Payment, its asynchronous processing, orders, resume and release.</content>
public sealed partial class GuestManagerBackend
{
    /// <summary>Guest Manager's payment step takes a PSP token to charge; it has no field for an authorized transaction.</summary>
    public override bool TakesPspTransactions => false;

    /// <summary>
    /// Submits the <c>payment</c> step with the PSP token (never card data), and the <c>confirm</c>
    /// step when the backend asks for a review after payment: submitting payment through the gateway
    /// is the buyer placing the order. The answer is usually Processing with a PollAfter hint.
    /// Submitting again while the payment is processing or after it completed reports that payment
    /// instead of charging twice.
    /// </summary>
    public override async Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.PspToken is null)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput,
                "Guest Manager charges a payment token from the PSP; a PSP transaction id cannot be used.", field: "pspToken");
        }

        var method = _settings.PaymentMethodId?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? cart.Backend.Get(GuestManagerCartReader.PaymentMethodKey)
            ?? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.Rejected, "The order offers no payment method; set Settings:PaymentMethodId.");
        var source = new JsonObject { ["token"] = payment.PspToken };
        if (payment.PspName is not null)
        {
            source["gateway"] = payment.PspName;
        }

        var data = new JsonObject
        {
            ["payments"] = new JsonArray(new JsonObject
            {
                ["payment_method_id"] = Id(method),
                ["amount"] = payment.Amount.FormatAmount(),
                ["source"] = source,
            }),
        };

        Cart submitted;
        try
        {
            submitted = await SubmitStepAsync(cart, GuestManagerSteps.Payment, data, "SubmitPayment", cancellationToken);
            if (State(submitted) == GuestManagerSteps.Confirm)
            {
                var paid = submitted;
                submitted = await AfterPaymentStepAsync(() => SubmitStepAsync(paid, GuestManagerSteps.Confirm, new JsonObject(), "SubmitPayment", cancellationToken));
            }
        }
        catch (BackendConflictException e) when (e.BackendCode is "order_processing" or "order_complete")
        {
            // An earlier submission got through (e.g. its answer was lost): report it rather than pay again.
            return await AfterPaymentStepAsync(() => PollOnceAsync(cart, "SubmitPayment", cancellationToken));
        }

        return await AfterPaymentStepAsync(() => OutcomeAsync(submitted, _settings.PaymentPollInitialDelay, cancellationToken));
    }

    /// <summary>
    /// Polls a processing payment with exponential backoff (from PaymentPollInitialDelay up to
    /// PaymentPollMaxDelay) until the order completes or returns to <c>payment</c>; after
    /// PaymentPollWindow it answers Processing with a PollAfter hint.
    /// </summary>
    public override async Task<PaymentOutcome> GetPaymentStatusAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var deadline = _time.GetUtcNow() + _settings.PaymentPollWindow;
        var delay = _settings.PaymentPollInitialDelay;
        while (true)
        {
            var outcome = await PollOnceAsync(cart, "GetPaymentStatus", cancellationToken, delay);
            if (outcome.Status != PaymentStatus.Processing || _time.GetUtcNow() + delay > deadline)
            {
                return outcome;
            }

            var orderId = OrderId(cart);
            GuestManagerLog.StillProcessing(_logger, Channel.Name, orderId, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken);
            cart = outcome.Cart;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.PaymentPollMaxDelay.Ticks));
        }
    }

    /// <summary>
    /// Reads the order (<c>GET /orders/{id}</c>) to learn what a payment whose answer was lost did: still
    /// at <c>payment</c> is Pending (no payment taken), <c>processing</c> is Processing, back at
    /// <c>payment</c> with a failure is Failed, <c>complete</c> is Paid with the order. An order left at
    /// <c>confirm</c> took the payment step but was not placed: it is confirmed now, as the lost
    /// submission would have done, rather than paid again.
    /// </summary>
    public override async Task<PaymentOutcome?> LookUpPaymentAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var current = await CallAsync(cart, HttpMethod.Get, $"orders/{OrderId(cart)}", null, "LookUpPayment", safe: true, cancellationToken);
        if (State(current) == GuestManagerSteps.Confirm)
        {
            current = await SubmitStepAsync(current, GuestManagerSteps.Confirm, new JsonObject(), "LookUpPayment", cancellationToken);
        }

        return await OutcomeAsync(current, _settings.PaymentPollInitialDelay, cancellationToken);
    }

    /// <summary>Reads the order: status, payment status, tickets with their barcodes.</summary>
    public override async Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var id = order.Backend.Get(GuestManagerCartReader.OrderIdKey) ?? order.Id;
        using var document = await _api.SendAsync(HttpMethod.Get, $"orders/{id}", null, "GetOrder", true, cancellationToken);
        return GuestManagerOrderReader.Read(Channel.Name, document.Root(Channel.Name), _time);
    }

    /// <summary>
    /// Resumes an expired order (<c>PATCH /checkout/{number}/resume</c>): its tickets are reserved
    /// again for 15 minutes and the checkout continues where it stopped. SOLD_OUT or OFF_SALE when
    /// they can no longer be had; an order that has not expired is returned as it is.
    /// </summary>
    public override async Task<Cart> ResumeCheckoutAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var number = cart.Backend.Get(GuestManagerCartReader.NumberKey) ?? OrderId(cart);
        var resumed = await CallAsync(cart, HttpMethod.Patch, $"checkout/{number}/resume", null, "ResumeCheckout", safe: true, cancellationToken);
        var orderId = OrderId(resumed);
        GuestManagerLog.Resumed(_logger, Channel.Name, orderId);
        return resumed;
    }

    /// <summary>Gives the order's tickets back by emptying it; expired or finished orders hold nothing to give back.</summary>
    public override async Task<Cart> ReleaseCartAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Backend.Get(GuestManagerCartReader.OrderIdKey) is null)
        {
            return cart;
        }

        var current = await CallAsync(cart, HttpMethod.Get, $"orders/{OrderId(cart)}", null, "ReleaseCart", safe: true, cancellationToken);
        var state = State(current);
        return state is GuestManagerSteps.Expired or GuestManagerSteps.Processing || GuestManagerSteps.IsFinal(state) || current.Lines.Count == 0
            ? current
            : await ReplaceLinesAsync(current, current.Lines.ToDictionary(l => l.Id, _ => 0), "ReleaseCart", cancellationToken);
    }

    // Once the payment step reached the backend, a later call that was never sent does not make the payment unsent.
    private static async Task<T> AfterPaymentStepAsync<T>(Func<Task<T>> rest)
    {
        try
        {
            return await rest();
        }
        catch (CommerceException e) when (e.RequestNotSent)
        {
            throw AfterPaymentReachedBackend(e);
        }
    }

    private async Task<PaymentOutcome> PollOnceAsync(Cart cart, string operation, CancellationToken cancellationToken, TimeSpan? pollAfter = null)
    {
        var current = await CallAsync(cart, HttpMethod.Get, $"orders/{OrderId(cart)}", null, operation, safe: true, cancellationToken);
        return await OutcomeAsync(current, pollAfter ?? _settings.PaymentPollInitialDelay, cancellationToken);
    }

    private async Task<PaymentOutcome> OutcomeAsync(Cart cart, TimeSpan pollAfter, CancellationToken cancellationToken)
    {
        if (cart.Checkout.Status != CheckoutStatus.Complete)
        {
            return cart.Checkout.Status switch
            {
                CheckoutStatus.Processing => new PaymentOutcome(cart, PaymentStatus.Processing, PollAfter: pollAfter),
                CheckoutStatus.PaymentFailed => new PaymentOutcome(cart, PaymentStatus.Failed, FailureReason: cart.Checkout.FailureReason),
                _ => new PaymentOutcome(cart, PaymentStatus.Pending),
            };
        }

        var order = await GetOrderAsync(
            new Order
            {
                Id = OrderId(cart),
                Channel = Channel.Name,
                Status = OrderStatus.Placed,
                PaymentStatus = PaymentStatus.Paid,
                Total = cart.Totals.Total,
                AmountPaid = cart.Totals.Total,
                AmountRefunded = Money.Zero(cart.Currency),
            },
            cancellationToken);
        return new PaymentOutcome(cart, order.PaymentStatus == PaymentStatus.Pending ? PaymentStatus.Authorized : order.PaymentStatus, order);
    }
}
