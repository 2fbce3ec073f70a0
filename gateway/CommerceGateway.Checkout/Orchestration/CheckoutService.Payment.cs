using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <content>Cart payment: idempotent submit, replay and polling.</content>
public sealed partial class CheckoutService
{
    /// <summary>
    /// Pays the cart's total with a PSP reference. The same <paramref name="idempotencyKey"/> replays the
    /// same payment (never paying twice, on any replica). A payment that failed, at once or (replayed
    /// after an asynchronous decline) later, is both a result and an error: the value shows status
    /// Failed, its reason and the cart, and the error is PAYMENT_DECLINED with that reason; a new key
    /// pays again.
    /// </summary>
    public async Task<CheckoutResult<PaymentResult>> SubmitPaymentAsync(ClientContext client, string cartId, PaymentRequest payment, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(payment);
        if (IdempotentCall.ValidateKey(idempotencyKey) is { } keyError)
        {
            return CheckoutResult.Fail<PaymentResult>([keyError]);
        }

        if (ValidateReference(payment) is { } referenceError)
        {
            return CheckoutResult.Fail<PaymentResult>([referenceError]);
        }

        var fingerprint = IdempotentCall.Fingerprint(cartId, payment.PspToken, payment.PspTransactionId, payment.PspName, payment.Amount?.ToString());
        var result = await new IdempotentCall(_idempotency, _options).RunAsync(
            "cart-payment",
            client,
            idempotencyKey,
            fingerprint,
            async ct =>
            {
                var result = await PayCartAsync(client, cartId, payment, ct);
                return (result, result.Succeeded ? cartId : null);
            },
            async (_, ct) => await CurrentPaymentAsync(client, cartId, ct),
            cancellationToken);
        return Declined(result);
    }

    /// <summary>
    /// A failed payment is the typed error clients branch on (PAYMENT_DECLINED, the backend's reason as
    /// its message), beside the status, reason and cart that show it, whichever adapter declined and
    /// whether the decline came back at once or after processing.
    /// </summary>
    private static CheckoutResult<PaymentResult> Declined(CheckoutResult<PaymentResult> result) =>
        result is { Succeeded: true, Value: { Status: PaymentStatus.Failed } failed }
            ? CheckoutResult.Refused(failed, new UserError(CommerceErrorCodes.PaymentDeclined, failed.FailureReason ?? "The payment was declined.", "payment"))
            : result;

    /// <summary>Polls a processing payment and stores what the backend now says.</summary>
    public async Task<CheckoutResult<PaymentResult>> RefreshPaymentAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        await using var lease = await _locks.TryAcquireAsync(cartId, cancellationToken);
        var session = await LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<PaymentResult>("cart", cartId);
        }

        if (lease is null || session.Cart.Checkout.Status != CheckoutStatus.Processing)
        {
            return CheckoutResult.Ok<PaymentResult>(await DescribePaymentAsync(session.Cart, cancellationToken));
        }

        var outcome = await _channels.GetCommerceBackend(session.Cart.Channel).GetPaymentStatusAsync(session.Cart, cancellationToken);
        return CheckoutResult.Ok<PaymentResult>(await ApplyPaymentOutcomeAsync(client, session, outcome, cancellationToken));
    }

    private async Task<CheckoutResult<PaymentResult>> PayCartAsync(ClientContext client, string cartId, PaymentRequest payment, CancellationToken cancellationToken)
    {
        await using var lease = await _locks.TryAcquireAsync(cartId, cancellationToken);
        if (lease is null)
        {
            return CheckoutResult.Fail<PaymentResult>(CommerceErrorCodes.Conflict, "Another change to this cart is in progress; retry.");
        }

        var session = await LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<PaymentResult>("cart", cartId);
        }

        var cart = session.Cart;
        var refusal = cart.Checkout.Status switch
        {
            CheckoutStatus.Complete => "The cart is already paid.",
            CheckoutStatus.Submitted => "The backend took this checkout as a wait-list request or reservation; no payment is due now.",
            CheckoutStatus.Processing => "A payment for this cart is processing; query the cart for its outcome.",
            _ when cart.Lines.Count == 0 => "The cart is empty.",
            _ when cart.Checkout.Steps.Count == 0 => "Begin checkout before paying.",
            _ => null,
        };
        if (refusal is not null)
        {
            return CheckoutResult.Fail<PaymentResult>(CommerceErrorCodes.InvalidStep, refusal);
        }

        try
        {
            var backend = _channels.GetCommerceBackend(cart.Channel);
            if (payment.PspTransactionId is not null && !backend.TakesPspTransactions)
            {
                // Refused before a loyalty order is placed or the backend is called: nothing to undo.
                return CheckoutResult.Fail<PaymentResult>(CommerceErrorCodes.NotSupported, PspTransactionsRefused(cart.Channel), "pspTransactionId");
            }

            cart = await PrepareRewardAsync(backend, cart, cancellationToken);

            // The total is after every discount, the loyalty reward's included: that is what the buyer owes.
            var due = cart.Totals.Total;
            if (payment.Amount is { } amount && amount != due)
            {
                if (cart != session.Cart)
                {
                    // The backend's discount was brought up to date; the stored cart shows the total to pay.
                    await SaveCartAsync(session, cart, cancellationToken);
                }

                var after = cart.Totals.LoyaltyDiscount is { } reward ? $" after the {reward.FormatAmount()} {reward.Currency.Code} loyalty discount" : string.Empty;
                return CheckoutResult.Fail<PaymentResult>(CommerceErrorCodes.InvalidInput, $"The amount must equal the cart's total{after}, {due.FormatAmount()} {due.Currency.Code}.", "amount");
            }

            cart = await PlaceLoyaltyOrderAsync(cart, cancellationToken);
            if (session.LoyaltyOwed is { } dropped)
            {
                // This payment goes on with the cart's loyalty order, so a void sent after it bills would hand
                // back a reward the buyer used. Dropped durably before the money moves, so no replica's follow-up
                // sends it whatever the outcome; a decline owes a new void, an unknown outcome keeps the reward.
                var kept = await SaveCartAsync(session, cart, owed: null, cancellationToken);
                var stages = string.Join(",", dropped.Owed.Stages);
                CheckoutLog.LoyaltyCartOwedDropped(_logger, cart.Id, dropped.Loyalty.Program, stages);
                session = session with { Cart = kept, LoyaltyOwed = null };
                cart = kept;
            }

            var instruction = new PaymentInstruction(due, payment.PspToken, payment.PspTransactionId, payment.PspName);
            PaymentOutcome outcome;
            try
            {
                outcome = await backend.SubmitPaymentAsync(cart, instruction, cancellationToken);
            }
            catch (BackendRejectedException e) when (e.Code == CommerceErrorCodes.PaymentDeclined)
            {
                // An adapter that throws its decline rather than returning it gets the same outcome, so the
                // loyalty order placed for this payment is voided and the cart shows the reason.
                var failed = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.PaymentFailed, FailureReason = e.Message } };
                outcome = new PaymentOutcome(failed, PaymentStatus.Failed, FailureReason: e.Message);
            }

            return CheckoutResult.Ok<PaymentResult>(await ApplyPaymentOutcomeAsync(client, session, outcome, cancellationToken));
        }
        catch (CommerceException e) when (e.Code == CommerceErrorCodes.HoldExpired)
        {
            // The backend released the items: the stored cart says so, and checkoutResume can hold them again.
            await SaveCartAsync(session, session.Cart with { Checkout = session.Cart.Checkout with { Status = CheckoutStatus.Expired } }, cancellationToken);
            return Fail<PaymentResult>(e);
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<PaymentResult>(e);
        }
    }

    private async Task<PaymentResult> ApplyPaymentOutcomeAsync(ClientContext client, CartSession session, PaymentOutcome outcome, CancellationToken cancellationToken)
    {
        OrderRecord? record = null;
        var cart = outcome.Cart;
        if (outcome.Order is { } order)
        {
            var orderId = session.Cart.OrderId ?? SecureIds.New("order");
            record = await SaveOrderAsync(new OrderRecord(orderId, client.ClientId, cart.Id, order, cart.Loyalty), cancellationToken);
            cart = cart with { OrderId = orderId };
        }

        (cart, var loyaltyRun) = await AdvanceLoyaltyAsync(cart, outcome.Status, cancellationToken);
        var pollAfter = outcome.Status == PaymentStatus.Processing ? outcome.PollAfter ?? _options.PaymentPollHint : (TimeSpan?)null;
        cart = cart with { Checkout = cart.Checkout with { PollAfter = pollAfter, FailureReason = outcome.FailureReason ?? cart.Checkout.FailureReason } };
        var cartOwed = session.LoyaltyOwed;
        if (record is null && outcome.Status == PaymentStatus.Failed && loyaltyRun.Owed is [LoyaltyOrderStatus.Voided] && cart.Loyalty is { } placed)
        {
            // No order was made, so the cart owes the void: unsent, the placed reward would stay locked
            // at the program once the buyer walks away.
            var owed = NextOwed(LoyaltyDebtor.Cart, cart.Id, placed.Program, cartOwed?.Owed, loyaltyRun);
            cartOwed = owed is null ? null : new CartLoyaltyOwed(placed, owed);
        }
        else if (record is null && loyaltyRun.Owed.Count > 0 && cart.Loyalty is { } loyalty)
        {
            CheckoutLog.LoyaltyCartStageFailed(_logger, loyaltyRun.Owed[0].ToString(), cart.Id, loyalty.Program, loyaltyRun.Code ?? "UNKNOWN");
        }

        var saved = await SaveCartAsync(session, cart, cartOwed, cancellationToken);
        if (record is not null && (record.Loyalty != saved.Loyalty || loyaltyRun.Owed.Count > 0))
        {
            // The payment made an order: stages the program did not take are the order's to owe and retry.
            record = await SaveOrderAsync(RecordOwed(record with { Loyalty = saved.Loyalty }, record.LoyaltyOwed, loyaltyRun), cancellationToken);
        }

        return new PaymentResult(saved, outcome.Status, record, outcome.FailureReason, pollAfter);
    }

    private async Task<CheckoutResult<PaymentResult>> CurrentPaymentAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        var cart = await GetCartAsync(client, cartId, cancellationToken);
        return cart is null
            ? NotFound<PaymentResult>("cart", cartId)
            : CheckoutResult.Ok<PaymentResult>(await DescribePaymentAsync(cart, cancellationToken));
    }

    private async Task<PaymentResult> DescribePaymentAsync(Cart cart, CancellationToken cancellationToken)
    {
        var order = cart.OrderId is null ? null : (await _documents.GetAsync<OrderRecord>(SessionDocuments.OrderKey(cart.OrderId), cancellationToken))?.Value;
        var status = order?.Order.PaymentStatus ?? cart.Checkout.Status switch
        {
            CheckoutStatus.Processing => PaymentStatus.Processing,
            CheckoutStatus.PaymentFailed => PaymentStatus.Failed,
            CheckoutStatus.Complete => PaymentStatus.Paid,
            _ => PaymentStatus.Pending,
        };
        return new PaymentResult(cart, status, order, cart.Checkout.FailureReason, cart.Checkout.PollAfter);
    }

    /// <summary>Why a channel whose protocol charges only PSP tokens refuses a PSP transaction id.</summary>
    public static string PspTransactionsRefused(string channel) =>
        $"Channel '{channel}' takes PSP tokens only: its protocol cannot attach a payment the PSP already authorized (pspTransactionId).";

    private static UserError? ValidateReference(PaymentRequest payment) =>
        (string.IsNullOrWhiteSpace(payment.PspToken), string.IsNullOrWhiteSpace(payment.PspTransactionId)) switch
        {
            (true, true) => new UserError(CommerceErrorCodes.InvalidInput, "Give a PSP token or a PSP transaction id.", "payment"),
            (false, false) => new UserError(CommerceErrorCodes.InvalidInput, "Give a PSP token or a PSP transaction id, not both.", "payment"),
            _ => null,
        };
}
