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

        if (session.Cart.Checkout.Status == CheckoutStatus.Processing)
        {
            var refreshed = await RefreshPaymentAsync(client, cartId, cancellationToken);
            return refreshed.Value?.Cart ?? session.Cart;
        }

        return carts.MarkIfExpired(session.Cart);
    }

    /// <summary>Polls a processing payment and stores what the backend now says.</summary>
    public async Task<CheckoutResult<PaymentResult>> RefreshPaymentAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        await using var lease = await locks.TryAcquireAsync(cartId, cancellationToken);
        var session = await carts.LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<PaymentResult>("cart", cartId);
        }

        if (lease is null || session.Cart.Checkout.Status != CheckoutStatus.Processing)
        {
            return CheckoutResult.Ok<PaymentResult>(await DescribePaymentAsync(session.Cart, cancellationToken));
        }

        var outcome = await channels.GetCommerceBackend(session.Cart.Channel).GetPaymentStatusAsync(session.Cart, cancellationToken);
        return CheckoutResult.Ok<PaymentResult>(await ApplyPaymentOutcomeAsync(client, session, outcome, cancellationToken));
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
