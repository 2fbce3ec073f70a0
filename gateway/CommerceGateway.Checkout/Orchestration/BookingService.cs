using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Options;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// Bookings: hold the cart's seats as a booking, commit it with the amount paid, purchase it for what is
/// still due. Commit and purchase run under the cart's lock on the booking as its backend has it now, so
/// neither a retry (same key: replayed) nor a second attempt (new key: refused) collects twice.
/// </summary>
public sealed class BookingService
{
    private readonly IChannelRegistry _channels;
    private readonly SessionDocuments _documents;
    private readonly CartLocks _locks;
    private readonly CartSessions _carts;
    private readonly OrderRecords _orders;
    private readonly BookingRecords _bookings;
    private readonly CheckoutOptions _options;

    internal BookingService(IChannelRegistry channels, SessionDocuments documents, CartLocks locks, CartSessions carts, OrderRecords orders, BookingRecords bookings, IOptions<CheckoutOptions> options)
    {
        _channels = channels;
        _documents = documents;
        _locks = locks;
        _carts = carts;
        _orders = orders;
        _bookings = bookings;
        _options = options.Value;
    }

    /// <summary>Turns the cart into a booking; its seats stay held until the booking's deadline.</summary>
    public async Task<CheckoutResult<BookingRecord>> CreateBookingAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        await using var lease = await _locks.TryAcquireAsync(cartId, cancellationToken);
        if (lease is null)
        {
            return CheckoutResult.Fail<BookingRecord>(CommerceErrorCodes.Conflict, "Another change to this cart is in progress; retry.");
        }

        var session = await _carts.LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<BookingRecord>("cart", cartId);
        }

        if (session.Cart.Lines.Count == 0)
        {
            return CheckoutResult.Fail<BookingRecord>(CommerceErrorCodes.InvalidStep, "The cart is empty.", "cartId");
        }

        try
        {
            var booking = await _channels.GetCommerceBackend(session.Cart.Channel).CreateBookingAsync(session.Cart, cancellationToken);
            var record = new BookingRecord(SecureIds.New("booking"), client.ClientId, booking with { CartId = cartId });
            await _documents.PutAsync(SessionDocuments.BookingKey(record.Id), record, 0, _options.OrderLifetime, cancellationToken);
            return CheckoutResult.Ok(record);
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<BookingRecord>(e);
        }
    }

    /// <summary>The booking, refreshed from its backend; null when it does not exist for this client.</summary>
    public async Task<BookingRecord?> GetBookingAsync(ClientContext client, string bookingId, CancellationToken cancellationToken)
    {
        if (await _bookings.LoadBookingAsync(client, bookingId, cancellationToken) is not { } found)
        {
            return null;
        }

        var fresh = await _channels.GetCommerceBackend(found.Record.Booking.Channel).GetBookingAsync(found.Record.Booking, cancellationToken);
        var record = found.Record with { Booking = fresh };
        try
        {
            await _documents.PutAsync(SessionDocuments.BookingKey(bookingId), record, found.Version, _options.OrderLifetime, cancellationToken);
            return record;
        }
        catch (SessionVersionConflictException)
        {
            // A commit, purchase or other read stored the booking meanwhile; show what it stored.
            return (await _bookings.LoadBookingAsync(client, bookingId, cancellationToken))?.Record ?? record;
        }
    }

    /// <summary>
    /// Commits a held booking with the amount the client collected (<see cref="PaymentRequest.Amount"/>,
    /// default the total); UNDERPAID when the backend needs more, INVALID_INPUT above the total. A booking already committed, purchased
    /// or expired is refused before anything is collected.
    /// </summary>
    public async Task<CheckoutResult<BookingRecord>> CommitBookingAsync(ClientContext client, string bookingId, PaymentRequest payment, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (IdempotentCall.ValidateKey(idempotencyKey) is { } keyError)
        {
            return CheckoutResult.Fail<BookingRecord>([keyError]);
        }

        if (ValidateReference(payment) is { } referenceError)
        {
            return CheckoutResult.Fail<BookingRecord>([referenceError]);
        }

        if (await _bookings.LoadBookingAsync(client, bookingId, cancellationToken) is not { } stored)
        {
            return NotFound<BookingRecord>("booking", bookingId);
        }

        var total = stored.Record.Booking.Total;
        var amount = payment.Amount ?? total;
        if (amount.Currency != total.Currency || amount.Amount < 0m || amount > total)
        {
            // Above the total would be money no purchase of the booking ever uses, and bookings have no refund.
            return CheckoutResult.Fail<BookingRecord>(CommerceErrorCodes.InvalidInput, $"The amount must be zero or more and at most the total, {total}.", "payment.amount");
        }

        var fingerprint = IdempotentCall.Fingerprint("booking-commit", bookingId, payment.PspToken, payment.PspTransactionId, payment.PspName, amount.ToString());
        return await _bookings.RunBookingStepAsync("booking-commit", client, stored.Record, idempotencyKey, fingerprint, async (backend, found, ct) =>
        {
            if (found.Record.Booking.Status != BookingStatus.Held)
            {
                return BookingRules.NotAt<BookingRecord>(found.Record, BookingStatus.Held);
            }

            var instruction = new PaymentInstruction(amount, payment.PspToken, payment.PspTransactionId, payment.PspName);
            var record = found.Record with { Booking = await backend.CommitBookingAsync(found.Record.Booking, instruction, ct) };
            return CheckoutResult.Ok(await _bookings.PutBookingUnderLockAsync(record, found.Version, ct));
        }, cancellationToken);
    }

    /// <summary>
    /// Purchases a committed booking (all its items, or <paramref name="itemIds"/>; the others are
    /// released), creating an order. The purchase is priced from its items, plus the booking's charges
    /// that are not items (delivery), and collects only what the booking's commit did not pay: that
    /// price minus <see cref="Booking.AmountPaid"/>. Items priced below what the commit paid are refused
    /// (INVALID_INPUT on itemIds) before anything is released, so the order's amount paid never exceeds
    /// its total. <paramref name="payment"/> is needed only when something is due (its amount, when
    /// given, must equal it) and refused when nothing is.
    /// </summary>
    public async Task<CheckoutResult<OrderRecord>> PurchaseBookingAsync(ClientContext client, string bookingId, IReadOnlyList<string>? itemIds, PaymentRequest? payment, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (IdempotentCall.ValidateKey(idempotencyKey) is { } keyError)
        {
            return CheckoutResult.Fail<OrderRecord>([keyError]);
        }

        if (payment is not null && ValidateReference(payment) is { } referenceError)
        {
            return CheckoutResult.Fail<OrderRecord>([referenceError]);
        }

        if (itemIds is { Count: 0 })
        {
            return CheckoutResult.Fail<OrderRecord>(CommerceErrorCodes.InvalidInput, "Give at least one item id, or leave itemIds out to purchase every item.", "itemIds");
        }

        if (await _bookings.LoadBookingAsync(client, bookingId, cancellationToken) is not { } stored)
        {
            return NotFound<OrderRecord>("booking", bookingId);
        }

        IReadOnlyList<string>? chosen = itemIds is null ? null : [.. itemIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var fingerprint = IdempotentCall.Fingerprint(
            "booking-purchase", bookingId, chosen is null ? "*" : string.Join(',', chosen), payment?.PspToken, payment?.PspTransactionId, payment?.PspName, payment?.Amount?.ToString());
        return await _bookings.RunBookingStepAsync("booking-purchase", client, stored.Record, idempotencyKey, fingerprint, async (backend, found, ct) =>
        {
            var booking = found.Record.Booking;
            if (booking.Status != BookingStatus.Committed)
            {
                return BookingRules.NotAt<OrderRecord>(found.Record, BookingStatus.Committed);
            }

            if (chosen?.FirstOrDefault(id => booking.Items.All(i => i.Id != id)) is { } unknown)
            {
                return CheckoutResult.Fail<OrderRecord>(CheckoutErrorCodes.NotFound, $"Booking '{bookingId}' has no item '{unknown}'.", "itemIds");
            }

            var (price, due) = BookingRules.PurchaseDue(booking, chosen);
            if (price < booking.Total && price < booking.AmountPaid)
            {
                // The others would be released with their money kept: the order's amount paid would exceed its total.
                return CheckoutResult.Fail<OrderRecord>(
                    CommerceErrorCodes.InvalidInput,
                    $"The chosen items cost {price} but the booking's commit paid {booking.AmountPaid}, and releasing paid seats is not refunded; choose items worth at least what was paid, or leave itemIds out to purchase every item.",
                    "itemIds");
            }

            if (BookingRules.DuePaymentError(booking, price, due, payment) is { } error)
            {
                return CheckoutResult.Fail<OrderRecord>([error]);
            }

            var instruction = due.Amount > 0m ? new PaymentInstruction(due, payment!.PspToken, payment.PspTransactionId, payment.PspName) : null;
            var order = await backend.PurchaseBookingAsync(booking, chosen, instruction, ct);
            var record = await _orders.SaveOrderAsync(new OrderRecord(SecureIds.New("order"), client.ClientId, booking.CartId ?? bookingId, order, null), ct);
            var fresh = await backend.GetBookingAsync(booking, ct);
            await _bookings.PutBookingUnderLockAsync(found.Record with { Booking = fresh, OrderId = record.Id }, found.Version, ct);
            return CheckoutResult.Ok(record);
        }, cancellationToken);
    }
}
