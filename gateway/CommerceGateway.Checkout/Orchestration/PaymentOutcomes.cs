using CommerceGateway.Adapters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// What a payment did to a cart, read by carts (a processing payment is brought up to date on read) and
/// payments alike: the outcome stored on the cart, the order it made, and the loyalty stages it called for.
/// </summary>
internal sealed class PaymentOutcomes(
    IChannelRegistry channels,
    SessionDocuments documents,
    CartLocks locks,
    CartSessions carts,
    OrderRecords orders,
    LoyaltyStages stages,
    LoyaltyDebts debts,
    IOptions<CheckoutOptions> options,
    ILogger<PaymentOutcomes> logger)
{
    private readonly CheckoutOptions _options = options.Value;

    /// <summary>
    /// The cart, or null when it does not exist or belongs to another client. A cart whose payment is
    /// processing is brought up to date first; an expired one says so.
    /// </summary>
    public async Task<Cart?> GetCartAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        var session = await carts.LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.Cart.Checkout.Status == CheckoutStatus.Processing || session.PaymentInDoubt is not null)
        {
            var refreshed = await RefreshPaymentAsync(client, cartId, cancellationToken);
            return refreshed.Value?.Cart ?? session.Cart;
        }

        return carts.MarkIfExpired(session.Cart);
    }

    /// <summary>
    /// Polls a processing payment and stores what the backend now says. A payment left in doubt is looked
    /// up first, the same way a new payment of the cart would.
    /// </summary>
    public async Task<CheckoutResult<PaymentResult>> RefreshPaymentAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        await using var lease = await locks.TryAcquireAsync(cartId, cancellationToken);
        var session = await carts.LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<PaymentResult>("cart", cartId);
        }

        if (lease is not null && session.PaymentInDoubt is not null)
        {
            var reconciled = await ReconcileAsync(client, session, cancellationToken);
            if (reconciled.Answer is { } answer)
            {
                return answer.Succeeded ? answer : CheckoutResult.Refused(await DescribePaymentAsync(session.Cart, cancellationToken), answer.Errors[0]);
            }

            session = reconciled.Session!;
        }

        if (lease is null || session.Cart.Checkout.Status != CheckoutStatus.Processing)
        {
            return CheckoutResult.Ok<PaymentResult>(await DescribePaymentAsync(session.Cart, cancellationToken));
        }

        var outcome = await channels.GetCommerceBackend(session.Cart.Channel).GetPaymentStatusAsync(session.Cart, cancellationToken);
        return CheckoutResult.Ok<PaymentResult>(await ApplyPaymentOutcomeAsync(client, session, outcome, cancellationToken));
    }

    /// <summary>
    /// Asks the backend what the cart's payment in doubt did; call under the cart's lock. When it took or
    /// declined it, that outcome is stored (the doubt cleared) and is the answer. When it took none, the
    /// doubt is cleared and the session returned to pay from. When it cannot tell, the answer is
    /// PAYMENT_OUTCOME_UNKNOWN and the doubt stays, so no replica charges the cart again.
    /// </summary>
    public async Task<(CartSession? Session, CheckoutResult<PaymentResult>? Answer)> ReconcileAsync(ClientContext client, CartSession session, CancellationToken cancellationToken)
    {
        var attempt = session.PaymentInDoubt ?? throw new InvalidOperationException("The cart has no payment in doubt.");
        var cart = session.Cart;
        PaymentOutcome? outcome;
        try
        {
            outcome = await channels.GetCommerceBackend(cart.Channel).LookUpPaymentAsync(cart, cancellationToken);
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            // The backend refused the question (its order gone, say): that proves nothing about the money.
            outcome = null;
        }

        if (outcome is null)
        {
            CheckoutLog.PaymentOutcomeUnknown(logger, attempt.Id, cart.Id, cart.Channel, attempt.StartedAt);
            return (null, CheckoutResult.Fail<PaymentResult>(
                CheckoutErrorCodes.PaymentOutcomeUnknown,
                $"An earlier payment of {attempt.Amount.FormatAmount()} {attempt.Amount.Currency.Code} for this cart got no answer, and channel '{cart.Channel}' cannot be asked what became of it: "
                + "the buyer may have been charged, so the cart is not charged again. Check the payment with the merchant before paying from a new cart.",
                "payment"));
        }

        CheckoutLog.PaymentReconciled(logger, attempt.Id, cart.Id, cart.Channel, outcome.Status, attempt.StartedAt);
        var settled = session with { PaymentInDoubt = null };
        if (outcome.Status == PaymentStatus.Pending)
        {
            var saved = await carts.SaveCartAsync(settled, outcome.Cart, cancellationToken);
            return (settled with { Cart = saved }, null);
        }

        return (null, CheckoutResult.Ok<PaymentResult>(await ApplyPaymentOutcomeAsync(client, settled with { PaidBy = attempt.Fingerprint }, outcome, cancellationToken)));
    }

    public async Task<PaymentResult> ApplyPaymentOutcomeAsync(ClientContext client, CartSession session, PaymentOutcome outcome, CancellationToken cancellationToken)
    {
        OrderRecord? record = null;
        var cart = outcome.Cart;
        if (outcome.Order is { } order)
        {
            var orderId = session.Cart.OrderId ?? SecureIds.New("order");
            record = await orders.SaveOrderAsync(new OrderRecord(orderId, client.ClientId, cart.Id, order, cart.Loyalty), cancellationToken);
            cart = cart with { OrderId = orderId };
        }

        (cart, var loyaltyRun) = await stages.AdvanceLoyaltyAsync(cart, outcome.Status, cancellationToken);
        var pollAfter = outcome.Status == PaymentStatus.Processing ? outcome.PollAfter ?? _options.PaymentPollHint : (TimeSpan?)null;
        cart = cart with { Checkout = cart.Checkout with { PollAfter = pollAfter, FailureReason = outcome.FailureReason ?? cart.Checkout.FailureReason } };
        var cartOwed = session.LoyaltyOwed;
        if (record is null && outcome.Status == PaymentStatus.Failed && loyaltyRun.Owed is [LoyaltyOrderStatus.Voided] && cart.Loyalty is { } placed)
        {
            // No order was made, so the cart owes the void: unsent, the placed reward would stay locked
            // at the program once the buyer walks away.
            var owed = debts.NextOwed(LoyaltyDebtor.Cart, cart.Id, placed.Program, cartOwed?.Owed, loyaltyRun);
            cartOwed = owed is null ? null : new CartLoyaltyOwed(placed, owed);
        }
        else if (record is null && loyaltyRun.Owed.Count > 0 && cart.Loyalty is { } loyalty)
        {
            CheckoutLog.LoyaltyCartStageFailed(logger, loyaltyRun.Owed[0].ToString(), cart.Id, loyalty.Program, loyaltyRun.Code ?? "UNKNOWN");
        }

        var saved = await carts.SaveCartAsync(session, cart, cartOwed, cancellationToken);
        if (record is not null && (record.Loyalty != saved.Loyalty || loyaltyRun.Owed.Count > 0))
        {
            // The payment made an order: stages the program did not take are the order's to owe and retry.
            record = await orders.SaveOrderAsync(debts.RecordOwed(record with { Loyalty = saved.Loyalty }, record.LoyaltyOwed, loyaltyRun), cancellationToken);
        }

        return new PaymentResult(saved, outcome.Status, record, outcome.FailureReason, pollAfter);
    }

    public async Task<PaymentResult> DescribePaymentAsync(Cart cart, CancellationToken cancellationToken)
    {
        var order = cart.OrderId is null ? null : (await documents.GetAsync<OrderRecord>(SessionDocuments.OrderKey(cart.OrderId), cancellationToken))?.Value;
        var status = order?.Order.PaymentStatus ?? cart.Checkout.Status switch
        {
            CheckoutStatus.Processing => PaymentStatus.Processing,
            CheckoutStatus.PaymentFailed => PaymentStatus.Failed,
            CheckoutStatus.Complete => PaymentStatus.Paid,
            _ => PaymentStatus.Pending,
        };
        return new PaymentResult(cart, status, order, cart.Checkout.FailureReason, cart.Checkout.PollAfter);
    }
}
