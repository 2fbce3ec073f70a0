using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <content>Bookings: hold the cart's seats as a booking, commit it with the amount paid, purchase it.</content>
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
        await _documents.PutAsync(SessionDocuments.BookingKey(bookingId), record, found.Version, _options.OrderLifetime, cancellationToken);
        return record;
    }

    /// <summary>Commits a booking with the amount the client collected; UNDERPAID when it is below the total.</summary>
    public Task<CheckoutResult<BookingRecord>> CommitBookingAsync(ClientContext client, string bookingId, PaymentRequest payment, string idempotencyKey, CancellationToken cancellationToken) =>
        RunBookingPaymentAsync("booking-commit", client, bookingId, payment, idempotencyKey, async (backend, found, instruction, ct) =>
        {
            var booking = await backend.CommitBookingAsync(found.Record.Booking, instruction, ct);
            var record = found.Record with { Booking = booking };
            await _documents.PutAsync(SessionDocuments.BookingKey(bookingId), record, found.Version, _options.OrderLifetime, ct);
            return record;
        }, cancellationToken);

    /// <summary>Purchases a committed booking (all items, or <paramref name="itemIds"/>), creating an order.</summary>
    public async Task<CheckoutResult<OrderRecord>> PurchaseBookingAsync(ClientContext client, string bookingId, IReadOnlyList<string>? itemIds, PaymentRequest payment, string idempotencyKey, CancellationToken cancellationToken)
    {
        var result = await RunBookingPaymentAsync("booking-purchase", client, bookingId, payment, idempotencyKey, async (backend, found, instruction, ct) =>
        {
            var order = await backend.PurchaseBookingAsync(found.Record.Booking, itemIds, instruction, ct);
            var fresh = await backend.GetBookingAsync(found.Record.Booking, ct);
            await _documents.PutAsync(SessionDocuments.BookingKey(bookingId), found.Record with { Booking = fresh }, found.Version, _options.OrderLifetime, ct);
            return await SaveOrderAsync(new OrderRecord(SecureIds.New("order"), client.ClientId, found.Record.Booking.CartId ?? bookingId, order, null), ct);
        }, cancellationToken);
        return result;
    }

    private async Task<CheckoutResult<T>> RunBookingPaymentAsync<T>(
        string scope,
        ClientContext client,
        string bookingId,
        PaymentRequest payment,
        string idempotencyKey,
        Func<CommerceBackend, (BookingRecord Record, long Version), PaymentInstruction, CancellationToken, Task<T>> run,
        CancellationToken cancellationToken)
        where T : class
    {
        if (IdempotentCall.ValidateKey(idempotencyKey) is { } keyError)
        {
            return CheckoutResult.Fail<T>([keyError]);
        }

        if (ValidateReference(payment) is { } referenceError)
        {
            return CheckoutResult.Fail<T>([referenceError]);
        }

        if (await LoadBookingAsync(client, bookingId, cancellationToken) is not { } found)
        {
            return NotFound<T>("booking", bookingId);
        }

        var amount = payment.Amount ?? found.Record.Booking.Total;
        if (amount.Currency != found.Record.Booking.Total.Currency || amount.Amount < 0m)
        {
            return CheckoutResult.Fail<T>(CommerceErrorCodes.InvalidInput, $"The amount must be in {found.Record.Booking.Total.Currency}.", "amount");
        }

        var fingerprint = IdempotentCall.Fingerprint(scope, bookingId, payment.PspToken, payment.PspTransactionId, amount.ToString());
        T? done = null;
        return await new IdempotentCall(_idempotency, _options).RunAsync(
            scope,
            client,
            idempotencyKey,
            fingerprint,
            async ct =>
            {
                try
                {
                    var instruction = new PaymentInstruction(amount, payment.PspToken, payment.PspTransactionId, payment.PspName);
                    done = await run(_channels.GetCommerceBackend(found.Record.Booking.Channel), found, instruction, ct);
                    return (CheckoutResult.Ok(done), System.Text.Json.JsonSerializer.Serialize(done, CheckoutJson.Options));
                }
                catch (CommerceException e) when (!e.IsFault)
                {
                    return (Fail<T>(e), null);
                }
            },
            (receipt, _) => Task.FromResult(CheckoutResult.Ok(System.Text.Json.JsonSerializer.Deserialize<T>(receipt, CheckoutJson.Options)!)),
            cancellationToken);
    }

    private async Task<(BookingRecord Record, long Version)?> LoadBookingAsync(ClientContext client, string bookingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await _documents.GetAsync<BookingRecord>(SessionDocuments.BookingKey(bookingId), cancellationToken);
        return stored is { } found && found.Value.Owner == client.ClientId ? found : null;
    }
}
