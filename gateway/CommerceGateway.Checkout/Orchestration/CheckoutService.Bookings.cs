using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;

namespace CommerceGateway.Checkout;

/// <content>
/// Bookings: hold the cart's seats as a booking, commit it with the amount paid, purchase it for what is
/// still due. Commit and purchase run under the cart's lock on the booking as its backend has it now, so
/// neither a retry (same key: replayed) nor a second attempt (new key: refused) collects twice.
/// </content>
public sealed partial class CheckoutService
{
    /// <summary>Turns the cart into a booking; its seats stay held until the booking's deadline.</summary>
    public async Task<CheckoutResult<BookingRecord>> CreateBookingAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        await using var lease = await _locks.TryAcquireAsync(cartId, cancellationToken);
        if (lease is null)
        {
            return CheckoutResult.Fail<BookingRecord>(CommerceErrorCodes.Conflict, "Another change to this cart is in progress; retry.");
        }

        var session = await LoadCartAsync(client, cartId, cancellationToken);
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
        if (await LoadBookingAsync(client, bookingId, cancellationToken) is not { } found)
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
            return (await LoadBookingAsync(client, bookingId, cancellationToken))?.Record ?? record;
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

        if (await LoadBookingAsync(client, bookingId, cancellationToken) is not { } stored)
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
        return await RunBookingStepAsync("booking-commit", client, stored.Record, idempotencyKey, fingerprint, async (backend, found, ct) =>
        {
            if (found.Record.Booking.Status != BookingStatus.Held)
            {
                return NotAt<BookingRecord>(found.Record, BookingStatus.Held);
            }

            var instruction = new PaymentInstruction(amount, payment.PspToken, payment.PspTransactionId, payment.PspName);
            var record = found.Record with { Booking = await backend.CommitBookingAsync(found.Record.Booking, instruction, ct) };
            return CheckoutResult.Ok(await PutBookingUnderLockAsync(record, found.Version, ct));
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

        if (await LoadBookingAsync(client, bookingId, cancellationToken) is not { } stored)
        {
            return NotFound<OrderRecord>("booking", bookingId);
        }

        IReadOnlyList<string>? chosen = itemIds is null ? null : [.. itemIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var fingerprint = IdempotentCall.Fingerprint(
            "booking-purchase", bookingId, chosen is null ? "*" : string.Join(',', chosen), payment?.PspToken, payment?.PspTransactionId, payment?.PspName, payment?.Amount?.ToString());
        return await RunBookingStepAsync("booking-purchase", client, stored.Record, idempotencyKey, fingerprint, async (backend, found, ct) =>
        {
            var booking = found.Record.Booking;
            if (booking.Status != BookingStatus.Committed)
            {
                return NotAt<OrderRecord>(found.Record, BookingStatus.Committed);
            }

            if (chosen?.FirstOrDefault(id => booking.Items.All(i => i.Id != id)) is { } unknown)
            {
                return CheckoutResult.Fail<OrderRecord>(CheckoutErrorCodes.NotFound, $"Booking '{bookingId}' has no item '{unknown}'.", "itemIds");
            }

            var (price, due) = PurchaseDue(booking, chosen);
            if (price < booking.Total && price < booking.AmountPaid)
            {
                // The others would be released with their money kept: the order's amount paid would exceed its total.
                return CheckoutResult.Fail<OrderRecord>(
                    CommerceErrorCodes.InvalidInput,
                    $"The chosen items cost {price} but the booking's commit paid {booking.AmountPaid}, and releasing paid seats is not refunded; choose items worth at least what was paid, or leave itemIds out to purchase every item.",
                    "itemIds");
            }

            if (DuePaymentError(booking, price, due, payment) is { } error)
            {
                return CheckoutResult.Fail<OrderRecord>([error]);
            }

            var instruction = due.Amount > 0m ? new PaymentInstruction(due, payment!.PspToken, payment.PspTransactionId, payment.PspName) : null;
            var order = await backend.PurchaseBookingAsync(booking, chosen, instruction, ct);
            var record = await SaveOrderAsync(new OrderRecord(SecureIds.New("order"), client.ClientId, booking.CartId ?? bookingId, order, null), ct);
            var fresh = await backend.GetBookingAsync(booking, ct);
            await PutBookingUnderLockAsync(found.Record with { Booking = fresh, OrderId = record.Id }, found.Version, ct);
            return CheckoutResult.Ok(record);
        }, cancellationToken);
    }

    /// <summary>
    /// What a purchase of <paramref name="chosen"/> (null: every item) costs, and what of it is still
    /// due after the booking's commit: the chosen items' prices plus the booking's charges that are not
    /// items, less the amount paid, never below zero.
    /// </summary>
    private static (Money Price, Money Due) PurchaseDue(Booking booking, IReadOnlyList<string>? chosen)
    {
        var zero = Money.Zero(booking.Total.Currency);
        var price = booking.Total;
        if (chosen is not null)
        {
            var items = booking.Items.Aggregate(zero, (sum, item) => sum + item.Price);
            var kept = booking.Items.Where(i => chosen.Contains(i.Id)).Aggregate(zero, (sum, item) => sum + item.Price);
            price = booking.Total - items + kept;
        }

        var due = price - booking.AmountPaid;
        return (price, due.Amount > 0m ? due : zero);
    }

    private static UserError? DuePaymentError(Booking booking, Money price, Money due, PaymentRequest? payment)
    {
        var paid = $"the purchase costs {price} and the booking's commit paid {booking.AmountPaid}";
        return (due.Amount > 0m, payment) switch
        {
            (false, not null) => new UserError(CommerceErrorCodes.InvalidInput, $"Nothing is due: {paid}. Purchase without a payment.", "payment"),
            (true, null) => new UserError(CommerceErrorCodes.InvalidInput, $"{due} is still due: {paid}. Give a payment for it.", "payment"),
            (true, { Amount: { } amount }) when amount != due => new UserError(CommerceErrorCodes.InvalidInput, $"The amount must equal what is still due, {due}: {paid}.", "payment.amount"),
            _ => null,
        };
    }

    /// <summary>A booking that is not at <paramref name="expected"/>; nothing is collected.</summary>
    private static CheckoutResult<T> NotAt<T>(BookingRecord record, BookingStatus expected) => record.Booking.Status switch
    {
        BookingStatus.Expired => CheckoutResult.Fail<T>(CommerceErrorCodes.HoldExpired, $"Booking '{record.Id}' expired and its seats were released; nothing was collected."),
        BookingStatus.Held => CheckoutResult.Fail<T>(CommerceErrorCodes.InvalidStep, $"Booking '{record.Id}' is not committed yet; commit it with its payment first."),
        BookingStatus.Committed when expected == BookingStatus.Held =>
            CheckoutResult.Fail<T>(CommerceErrorCodes.InvalidStep, $"Booking '{record.Id}' is already committed ({record.Booking.AmountPaid} paid); nothing more was collected."),
        _ => CheckoutResult.Fail<T>(
            CommerceErrorCodes.InvalidStep,
            $"Booking '{record.Id}' is already purchased{(record.OrderId is { } order ? $" (order '{order}')" : string.Empty)}; nothing more was collected."),
    };

    /// <summary>
    /// Runs a commit or purchase once per key, under the lock of the booking's cart, on the booking as
    /// its backend has it now: the stored one may be behind a step another replica took.
    /// </summary>
    private async Task<CheckoutResult<T>> RunBookingStepAsync<T>(
        string scope,
        ClientContext client,
        BookingRecord stored,
        string idempotencyKey,
        string fingerprint,
        Func<CommerceBackend, (BookingRecord Record, long Version), CancellationToken, Task<CheckoutResult<T>>> run,
        CancellationToken cancellationToken)
        where T : class
    {
        return await new IdempotentCall(_idempotency, _options).RunAsync(
            scope,
            client,
            idempotencyKey,
            fingerprint,
            async ct =>
            {
                await using var lease = await _locks.TryAcquireAsync(stored.Booking.CartId ?? stored.Id, ct);
                if (lease is null)
                {
                    return (CheckoutResult.Fail<T>(CommerceErrorCodes.Conflict, "Another change to this booking is in progress; read it and retry."), null);
                }

                if (await LoadBookingAsync(client, stored.Id, ct) is not { } found)
                {
                    return (NotFound<T>("booking", stored.Id), null);
                }

                try
                {
                    var backend = _channels.GetCommerceBackend(found.Record.Booking.Channel);
                    var fresh = await backend.GetBookingAsync(found.Record.Booking, ct);
                    var result = await run(backend, (found.Record with { Booking = fresh }, found.Version), ct);
                    return (result, result.Value is { } done ? System.Text.Json.JsonSerializer.Serialize(done, CheckoutJson.Options) : null);
                }
                catch (CommerceException e) when (!e.IsFault)
                {
                    return (Fail<T>(e), null);
                }
            },
            (receipt, _) => Task.FromResult(CheckoutResult.Ok(System.Text.Json.JsonSerializer.Deserialize<T>(receipt, CheckoutJson.Options)!)),
            cancellationToken);
    }

    /// <summary>
    /// Stores the booking for a caller holding its lock. Reads store the refreshed booking without the
    /// lock, so a version conflict is such a read; the holder's booking, read after the change, wins.
    /// </summary>
    private async Task<BookingRecord> PutBookingUnderLockAsync(BookingRecord record, long expectedVersion, CancellationToken cancellationToken)
    {
        var key = SessionDocuments.BookingKey(record.Id);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _documents.PutAsync(key, record, expectedVersion, _options.OrderLifetime, cancellationToken);
                return record;
            }
            catch (SessionVersionConflictException) when (attempt < 3)
            {
                expectedVersion = (await _documents.GetAsync<BookingRecord>(key, cancellationToken))?.Version
                    ?? throw new InvalidOperationException($"Booking '{record.Id}' disappeared while it was being changed.");
            }
        }
    }

    private async Task<(BookingRecord Record, long Version)?> LoadBookingAsync(ClientContext client, string bookingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await _documents.GetAsync<BookingRecord>(SessionDocuments.BookingKey(bookingId), cancellationToken);
        return stored is { } found && found.Value.Owner == client.ClientId ? found : null;
    }
}
