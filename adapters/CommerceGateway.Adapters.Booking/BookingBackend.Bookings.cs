using CommerceGateway.Adapters;
using CommerceGateway.Adapters.OneBox.Http;
using CommerceGateway.Adapters.OneBox.Protocol;
using static CommerceGateway.Adapters.OneBox.Http.BookingHttp;

namespace CommerceGateway.Adapters.OneBox;

/// <content>The booking flow: createOrder (BOOKING), commitOrder, purchaseBooking then commitOrder.</content>
public sealed partial class BookingBackend
{
    private const string CartIdKey = "cartId";

    /// <summary>
    /// Turns the cart into a booking: the backend and the seat-hold store both hold the seats 45
    /// minutes from now. Refused (Rejected, backend code <c>BOOKINGS_NOT_ENABLED</c>) unless the
    /// backend enabled bookings for the event's promoter and for this channel.
    /// </summary>
    public override async Task<Booking> CreateBookingAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        EnsureReadyToOrder(cart);
        if (cart.Backend.Get(BookingCartBuilder.OrderCodeKey) is { } pending)
        {
            throw new BackendConflictException(Channel.Name, $"The cart already became order {pending}.");
        }

        var ordered = await CreateOrderAsync(cart, "BOOKING", cancellationToken);
        var orderCode = ordered.Backend.Require(BookingCartBuilder.OrderCodeKey);
        var snapshot = await OrderDetailsAsync(orderCode, cancellationToken);
        return ToBooking(snapshot, cart.Id, ordered.ExpiresAt);
    }

    /// <summary>
    /// Commits the booking with the amount paid, which must cover the total (Underpaid otherwise) and
    /// not exceed it (InvalidInput: the protocol cannot refund the excess).
    /// The backend then keeps the seats booked with no deadline, so the store's time-bound holds are released.
    /// </summary>
    public override async Task<Booking> CommitBookingAsync(Booking booking, PaymentInstruction payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Amount > booking.Total)
        {
            // The protocol has no refund: what a commit takes above the total would never come back.
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, $"The payment of {payment.Amount} is above the booking total of {booking.Total}.", field: "payment.amount");
        }

        var committed = await CommitAsync(booking.Id, payment.Amount, payment, cancellationToken);
        if (CartOf(booking) is { } cartId)
        {
            await _holds.ReleaseAsync(cartId, null, "booking committed", cancellationToken);
        }

        return ToBooking(committed, CartOf(booking), null);
    }

    /// <summary>
    /// Purchases the chosen items of a committed booking (all of them when <paramref name="itemIds"/>
    /// is null; the others are released) and commits the purchase. What the booking's commit paid is
    /// credited by the backend, so the commit pays only the backend's <c>toBePaid</c>: nothing more is
    /// collected when the booking's commit covers the purchase (<paramref name="payment"/> null), and
    /// Underpaid, before the commit, when <paramref name="payment"/> does not cover what is due. Items
    /// that cost less than the booking's commit paid are refused (InvalidInput on <c>itemIds</c>) before
    /// anything is released: the protocol cannot refund the released seats. A
    /// purchase that already went through is returned as it is; one left pending (its commit was
    /// declined) is committed without converting the booking again, for the same items only.
    /// </summary>
    public override async Task<Order> PurchaseBookingAsync(Booking booking, IReadOnlyList<string>? itemIds, PaymentInstruction? payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var snapshot = await OrderDetailsAsync(booking.Id, cancellationToken);
        if (!snapshot.IsBooking && snapshot.Committed)
        {
            // An earlier attempt got through and its answer was lost: report it, collect nothing again.
            return ToOrder(snapshot, payment?.PspTransactionId);
        }

        var items = itemIds is { Count: > 0 } chosen ? chosen : [.. snapshot.Items.Select(i => i.Id)];
        if (snapshot.IsBooking)
        {
            EnsureNothingPaidIsReleased(booking.Id, snapshot, items);
            snapshot = await OrderCallAsync(
                "order/purchaseBooking",
                "PurchaseBooking",
                [Field("orderCode", booking.Id), .. items.Select(id => Field("items", id))],
                cancellationToken);
        }
        else if (!snapshot.Items.Select(i => i.Id).Order(StringComparer.Ordinal).SequenceEqual(items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))
        {
            throw new BackendConflictException(
                Channel.Name,
                $"A purchase of items {string.Join(", ", snapshot.Items.Select(i => i.Id))} of booking {booking.Id} is already pending; purchase those items.");
        }

        var collected = payment?.Amount ?? Money.Zero(snapshot.ToBePaid.Currency);
        if (snapshot.ToBePaid > collected)
        {
            throw new BackendRejectedException(
                Channel.Name,
                CommerceErrorCodes.Underpaid,
                $"The purchase still needs {snapshot.ToBePaid} after what the booking's commit paid; {collected} was given.",
                field: "payment.amount");
        }

        var committed = await CommitAsync(booking.Id, snapshot.ToBePaid, payment, cancellationToken);
        if (CartOf(booking) is { } cartId)
        {
            await _holds.ReleaseAsync(cartId, null, "booking purchased", cancellationToken);
        }

        return ToOrder(committed, payment?.PspTransactionId);
    }

    /// <summary>
    /// Refuses a purchase that would cost less than the booking's commit paid. purchaseBooking releases
    /// the other items and the backend keeps what was paid for them, and the protocol has no refund or
    /// void, so the buyer would be charged for seats they do not get (amount paid above the order total).
    /// </summary>
    private void EnsureNothingPaidIsReleased(string bookingId, BookingOrderSnapshot snapshot, IReadOnlyList<string> items)
    {
        var released = snapshot.Items.Where(i => !items.Contains(i.Id, StringComparer.Ordinal)).Aggregate(Money.Zero(snapshot.Total.Currency), (sum, i) => sum + i.Price);
        var price = snapshot.Total - released;
        if (price < snapshot.Total && snapshot.Paid > price)
        {
            throw new BackendRejectedException(
                Channel.Name,
                CommerceErrorCodes.InvalidInput,
                $"Booking {bookingId}'s commit paid {snapshot.Paid}, but these items cost {price}; the booking backend cannot refund the seats that would be released, so purchase items worth at least what was paid (every item, when the commit paid the total).",
                field: "itemIds");
        }
    }

    /// <summary>The booking as the backend has it now; a booking the backend deleted on expiry is Expired.</summary>
    public override async Task<Booking> GetBookingAsync(Booking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        try
        {
            var snapshot = await OrderDetailsAsync(booking.Id, cancellationToken);
            var holds = CartOf(booking) is { } cartId ? await _holds.CurrentAsync(cartId, cancellationToken) : null;
            return ToBooking(snapshot, CartOf(booking), holds is { Count: > 0 } ? holds.Values.Min() : booking.ExpiresAt);
        }
        catch (BackendRejectedException e) when (e.BackendCode == BookingErrors.OrderExpired)
        {
            if (CartOf(booking) is { } cartId)
            {
                await _holds.ReleaseAsync(cartId, null, "booking expired at the backend", cancellationToken);
            }

            return booking with { Status = BookingStatus.Expired, ExpiresAt = null };
        }
    }

    private Booking ToBooking(BookingOrderSnapshot snapshot, string? cartId, DateTimeOffset? heldUntil) => new()
    {
        Id = snapshot.OrderCode,
        Channel = Channel.Name,
        Locator = snapshot.Locator,
        // A pending purchase (its commit has not gone through) is still a committed booking to the buyer.
        Status = (snapshot.IsBooking, snapshot.Committed) switch
        {
            (true, false) => BookingStatus.Held,
            (false, true) => BookingStatus.Purchased,
            _ => BookingStatus.Committed,
        },
        Total = snapshot.Total,
        AmountPaid = snapshot.Paid,
        ExpiresAt = snapshot.IsBooking && !snapshot.Committed ? heldUntil ?? snapshot.ExpiresAt : null,
        Items = [.. snapshot.Items.Select(i => new BookingItem(i.Id, i.Price, i.SeatId, i.SessionId, i.Barcode))],
        CartId = cartId,
        Backend = BackendData.Empty.With(BookingCartBuilder.OrderCodeKey, snapshot.OrderCode).With(CartIdKey, cartId),
    };

    private static string? CartOf(Booking booking) => booking.CartId ?? booking.Backend.Get(CartIdKey);
}
