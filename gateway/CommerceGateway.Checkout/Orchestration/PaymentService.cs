using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Logging;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// Cart payment: idempotent submit (never paying twice, on any replica), replay and polling. The cart's
/// loyalty reward is checked and placed before the money moves; what the payment did is stored on the
/// cart and, when it made one, on its order.
/// </summary>
public sealed class PaymentService
{
    private readonly IChannelRegistry _channels;
    private readonly CartLocks _locks;
    private readonly CartSessions _carts;
    private readonly CartRewards _rewards;
    private readonly PaymentOutcomes _outcomes;
    private readonly IdempotentCall _idempotent;
    private readonly TimeProvider _time;
    private readonly ILogger<PaymentService> _logger;

    internal PaymentService(
        IChannelRegistry channels,
        CartLocks locks,
        CartSessions carts,
        CartRewards rewards,
        PaymentOutcomes outcomes,
        IdempotentCall idempotent,
        TimeProvider time,
        ILogger<PaymentService> logger)
    {
        _channels = channels;
        _locks = locks;
        _carts = carts;
        _rewards = rewards;
        _outcomes = outcomes;
        _idempotent = idempotent;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Pays the cart's total with a PSP reference. The same <paramref name="idempotencyKey"/> replays the
    /// same payment (never paying twice, on any replica). A payment that failed, at once or (replayed
    /// after an asynchronous decline) later, is both a result and an error: the value shows status
    /// Failed, its reason and the cart, and the error is PAYMENT_DECLINED with that reason; a new key
    /// pays again. When an earlier payment of the cart never answered (with any key, on any replica,
    /// however long ago), the backend is asked what it did before anything is charged: that outcome is
    /// the answer when it took or declined it, and PAYMENT_OUTCOME_UNKNOWN when it cannot tell.
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
        var result = await _idempotent.RunAsync(
            "cart-payment",
            client,
            idempotencyKey,
            fingerprint,
            async ct =>
            {
                var result = await PayCartAsync(client, cartId, payment, IdempotentCall.Fingerprint(idempotencyKey, fingerprint), ct);
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
    public Task<CheckoutResult<PaymentResult>> RefreshPaymentAsync(ClientContext client, string cartId, CancellationToken cancellationToken) =>
        _outcomes.RefreshPaymentAsync(client, cartId, cancellationToken);

    private async Task<CheckoutResult<PaymentResult>> PayCartAsync(ClientContext client, string cartId, PaymentRequest payment, string request, CancellationToken cancellationToken)
    {
        await using var lease = await _locks.TryAcquireAsync(cartId, cancellationToken);
        if (lease is null)
        {
            return CheckoutResult.Fail<PaymentResult>(CommerceErrorCodes.Conflict, "Another change to this cart is in progress; retry.");
        }

        var session = await _carts.LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<PaymentResult>("cart", cartId);
        }

        if (session.PaymentInDoubt is not null)
        {
            // Whatever the key, the claim that guarded the earlier attempt may have lapsed: only the
            // backend knows whether the money moved, so it is asked before anything is charged.
            var earlier = session.PaymentInDoubt;
            var reconciled = await _outcomes.ReconcileAsync(client, session, cancellationToken);
            if (reconciled.Answer is { Succeeded: true, Value.Status: PaymentStatus.Failed } && earlier.Fingerprint != request)
            {
                // The earlier attempt was declined: that is its answer, not this request's, which pays from the
                // cart as the decline left it (as a retry after a decline would).
                session = await _carts.LoadCartAsync(client, cartId, cancellationToken);
                if (session is null)
                {
                    return NotFound<PaymentResult>("cart", cartId);
                }
            }
            else if (reconciled.Answer is { } answer)
            {
                return answer;
            }
            else
            {
                session = reconciled.Session!;
            }
        }

        var cart = session.Cart;
        if (session.PaidBy == request && cart.Checkout.Status is CheckoutStatus.Complete or CheckoutStatus.Processing)
        {
            // This very request paid the cart, but its idempotency record was lost (a failed store write after the
            // payment): it is answered with the payment it made, as its replay would be, never told it failed.
            return CheckoutResult.Ok<PaymentResult>(await _outcomes.DescribePaymentAsync(cart, cancellationToken));
        }

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

        // The void the cart owed, dropped by the write that marks the attempt in doubt: owed again when the
        // backend took nothing (never sent, refused, the hold lapsed).
        CartLoyaltyOwed? dropped = null;
        Task<Cart> TookNothingAsync(Cart stored) =>
            _carts.SaveCartAsync(session with { PaymentInDoubt = null }, stored, dropped ?? session.LoyaltyOwed, cancellationToken);
        try
        {
            var backend = _channels.GetCommerceBackend(cart.Channel);
            if (payment.PspTransactionId is not null && !backend.TakesPspTransactions)
            {
                // Refused before a loyalty order is placed or the backend is called: nothing to undo.
                return CheckoutResult.Fail<PaymentResult>(CommerceErrorCodes.NotSupported, PspTransactionsRefused(cart.Channel), "pspTransactionId");
            }

            cart = await _rewards.PrepareRewardAsync(backend, cart, cancellationToken);

            // The total is after every discount, the loyalty reward's included: that is what the buyer owes.
            var due = cart.Totals.Total;
            if (payment.Amount is { } amount && amount != due)
            {
                if (cart != session.Cart)
                {
                    // The backend's discount was brought up to date; the stored cart shows the total to pay.
                    await _carts.SaveCartAsync(session, cart, cancellationToken);
                }

                var after = cart.Totals.LoyaltyDiscount is { } reward ? $" after the {reward.FormatAmount()} {reward.Currency.Code} loyalty discount" : string.Empty;
                return CheckoutResult.Fail<PaymentResult>(CommerceErrorCodes.InvalidInput, $"The amount must equal the cart's total{after}, {due.FormatAmount()} {due.Currency.Code}.", "amount");
            }

            cart = await _rewards.PlaceLoyaltyOrderAsync(cart, cancellationToken);
            var instruction = new PaymentInstruction(due, payment.PspToken, payment.PspTransactionId, payment.PspName);
            cart = await backend.PreparePaymentAsync(cart, instruction, cancellationToken);

            // One write before the money moves, on the state store every replica reads: the attempt in doubt
            // until its outcome is stored (a timeout, a lost answer or this replica dying leaves it, and the
            // next payment of the cart looks it up instead of charging again), and the cart's dropped loyalty
            // void. This payment goes on with the cart's loyalty order, so a void sent after it bills would hand
            // back a reward the buyer used: dropped durably, no replica's follow-up sends it whatever the
            // outcome; a decline owes a new void, an unknown outcome keeps the reward.
            var attempt = new PaymentAttempt(SecureIds.New("payment"), due, request, _time.GetUtcNow());
            var marked = session with { PaymentInDoubt = attempt };
            var kept = await _carts.SaveCartAsync(marked, cart, owed: null, cancellationToken);
            dropped = session.LoyaltyOwed;
            if (dropped is not null)
            {
                var stages = string.Join(",", dropped.Owed.Stages);
                CheckoutLog.LoyaltyCartOwedDropped(_logger, cart.Id, dropped.Loyalty.Program, stages);
            }

            session = marked with { Cart = kept, LoyaltyOwed = null };
            cart = kept;
            PaymentOutcome outcome;
            try
            {
                outcome = await backend.SubmitPaymentAsync(cart, instruction, cancellationToken);
            }
            catch (CommerceException e) when (e.RequestNotSent)
            {
                // No call of this payment reached the backend (refused connection, open circuit): nothing was
                // charged, so the doubt goes and any key pays again; the caller gets the fault as before. The
                // cart is as before the attempt, its loyalty order still placed for the next payment, and the
                // void it owed before is owed again.
                CheckoutLog.PaymentNeverSent(_logger, attempt.Id, cart.Id, cart.Channel, e.Code);
                await TookNothingAsync(session.Cart);
                throw;
            }
            catch (CommerceException e) when (e.IsFault)
            {
                // Timed out, cut off or answered with garbage: the backend may have charged. The attempt stays in doubt.
                CheckoutLog.PaymentLeftInDoubt(_logger, attempt.Id, cart.Id, cart.Channel, e.Code);
                throw;
            }
            catch (BackendRejectedException e) when (e.Code == CommerceErrorCodes.PaymentDeclined)
            {
                // An adapter that throws its decline rather than returning it gets the same outcome, so the
                // loyalty order placed for this payment is voided and the cart shows the reason.
                var failed = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.PaymentFailed, FailureReason = e.Message } };
                outcome = new PaymentOutcome(failed, PaymentStatus.Failed, FailureReason: e.Message);
            }

            return CheckoutResult.Ok<PaymentResult>(await _outcomes.ApplyPaymentOutcomeAsync(client, session with { PaymentInDoubt = null, PaidBy = request }, outcome, cancellationToken));
        }
        catch (CommerceException e) when (e.Code == CommerceErrorCodes.HoldExpired)
        {
            // The backend released the items: the stored cart says so, and checkoutResume can hold them again.
            await TookNothingAsync(session.Cart with { Checkout = session.Cart.Checkout with { Status = CheckoutStatus.Expired } });
            return Fail<PaymentResult>(e);
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            if (session.PaymentInDoubt is not null)
            {
                // The backend answered and refused: no payment was taken, so the doubt goes, a new key pays and
                // the void the cart owed before is owed again.
                await TookNothingAsync(session.Cart);
            }

            return Fail<PaymentResult>(e);
        }
    }

    private async Task<CheckoutResult<PaymentResult>> CurrentPaymentAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        var cart = await _outcomes.GetCartAsync(client, cartId, cancellationToken);
        return cart is null
            ? NotFound<PaymentResult>("cart", cartId)
            : CheckoutResult.Ok<PaymentResult>(await _outcomes.DescribePaymentAsync(cart, cancellationToken));
    }

    /// <summary>Why a channel whose protocol charges only PSP tokens refuses a PSP transaction id.</summary>
    public static string PspTransactionsRefused(string channel) =>
        $"Channel '{channel}' takes PSP tokens only: its protocol cannot attach a payment the PSP already authorized (pspTransactionId).";
}
