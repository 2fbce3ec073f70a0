namespace CommerceGateway.Sandbox.Booking;

/// <content>Expiry: carts 10 minutes after their last change, pending orders 45 minutes after createOrder.</content>
internal sealed partial class BookingStore
{
    // Closed carts and orders are remembered a day, so a late call learns why they are gone.
    private static readonly TimeSpan ClosedMemory = TimeSpan.FromDays(1);

    private readonly Dictionary<string, (DateTimeOffset ClosedAt, BookingException Reason)> _closedCarts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset ClosedAt, BookingException Reason)> _closedOrders = new(StringComparer.Ordinal);

    /// <summary>Expires what is due now; called by the timer-driven sweeper.</summary>
    public void Sweep()
    {
        lock (_gate)
        {
            Now();
        }
    }

    /// <summary>Counts of live carts, pending orders and seats by status, as they are now without expiring anything.</summary>
    public BookingStateView State()
    {
        lock (_gate)
        {
            return new BookingStateView(
                _carts.Count,
                _orders.Values.Count(o => !o.Committed),
                _seats.Values.Count(s => s.Status == BookingSeatStatus.Locked),
                _seats.Values.Count(s => s.Status == BookingSeatStatus.Booked),
                _seats.Values.Count(s => s.Status == BookingSeatStatus.Sold));
        }
    }

    /// <summary>The current time, after expiring every cart and pending order that is due. Call under the lock.</summary>
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        foreach (var cart in _carts.Values.Where(c => c.ExpiresAt <= now).ToList())
        {
            ReleaseAllItems(cart);
            _carts.Remove(cart.Token);
            _closedCarts[cart.Token] = (now, BookingException.Gone("SHOPPING_CART_EXPIRED", "The shopping cart expired and its seats were released."));
        }

        foreach (var order in _orders.Values.Where(o => o.ExpiresAt <= now).ToList())
        {
            foreach (var item in order.Items)
            {
                item.Seat.Status = BookingSeatStatus.Free;
            }

            _orders.Remove(order.Code);
            var what = order.Type == BookingOrderType.Booking ? "booking" : "order";
            _closedOrders[order.Code] = (now, BookingException.Gone("ORDER_EXPIRED", $"The {what} {order.Code} was not committed in time; it was deleted and its seats released."));
        }

        Forget(_closedCarts, now);
        Forget(_closedOrders, now);
        return now;
    }

    private static BookingException? Closed(Dictionary<string, (DateTimeOffset ClosedAt, BookingException Reason)> closed, string key) =>
        closed.TryGetValue(key, out var entry) ? new BookingException(entry.Reason.Status, entry.Reason.Code, entry.Reason.Message) : null;

    private static void Forget(Dictionary<string, (DateTimeOffset ClosedAt, BookingException Reason)> closed, DateTimeOffset now)
    {
        foreach (var key in closed.Where(c => c.Value.ClosedAt + ClosedMemory <= now).Select(c => c.Key).ToList())
        {
            closed.Remove(key);
        }
    }
}
