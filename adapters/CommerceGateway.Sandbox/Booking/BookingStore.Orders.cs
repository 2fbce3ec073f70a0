using System.Globalization;
using System.Security.Cryptography;

namespace CommerceGateway.Sandbox.Booking;

/// <content>Orders: createOrder, commitOrder, purchaseBooking and details.</content>
internal sealed partial class BookingStore
{
    private int _lastOrderNumber;

    /// <summary>Turns the cart into a pending order whose seats stay locked 45 minutes; the cart is closed.</summary>
    public BookingOrder CreateOrder(string token, string channelId, BookingOrderType type)
    {
        lock (_gate)
        {
            var now = Now();
            var cart = Cart(token, channelId);
            if (cart.Items.Count == 0)
            {
                throw BookingException.Invalid("EMPTY_SHOPPING_CART", "The shopping cart has no items.");
            }

            if (cart.ClientData is null)
            {
                throw BookingException.Invalid("CLIENT_DATA_REQUIRED", "Send clientData before creating the order.");
            }

            if (cart.Delivery is null)
            {
                throw BookingException.Invalid("DELIVERY_REQUIRED", "Send a delivery method before creating the order.");
            }

            if (type == BookingOrderType.Booking)
            {
                EnsureBookingsEnabled(cart);
            }

            var order = new BookingOrder(NextOrderCode(), channelId, type)
            {
                ClientData = cart.ClientData,
                Delivery = cart.Delivery,
                CreatedAt = now,
                ExpiresAt = now + OrderLock,
                Locator = type == BookingOrderType.Booking ? NewLocator() : null,
            };
            order.Items.AddRange(cart.Items);
            _orders[order.Code] = order;
            _carts.Remove(token);
            _closedCarts[token] = (now, BookingException.Conflict("SHOPPING_CART_ORDERED", $"The shopping cart became order {order.Code}."));
            return order;
        }
    }

    /// <summary>
    /// Confirms a pending order with the amounts paid, which must cover what is left to pay. A
    /// booking's seats become booked; a purchase's seats are sold and its tickets get barcodes.
    /// </summary>
    public BookingOrder CommitOrder(string orderCode, string channelId, decimal paid, bool decline)
    {
        lock (_gate)
        {
            Now();
            var order = Order(orderCode, channelId);
            if (order.Committed)
            {
                throw BookingException.Conflict("ORDER_ALREADY_COMMITTED", $"Order {orderCode} is already committed.");
            }

            if (decline)
            {
                throw new BookingException(StatusCodes.Status402PaymentRequired, "PAYMENT_DECLINED", "The payment was declined.");
            }

            if (paid < order.ToBePaid)
            {
                throw BookingException.Invalid(
                    "INSUFFICIENT_PAYMENT",
                    string.Create(CultureInfo.InvariantCulture, $"The amount paid ({paid}) is below the amount to be paid ({order.ToBePaid})."));
            }

            order.Paid += paid;
            order.Committed = true;
            order.ExpiresAt = null;
            for (var i = 0; i < order.Items.Count; i++)
            {
                var item = order.Items[i];
                if (order.Type == BookingOrderType.Purchase)
                {
                    item.Seat.Status = BookingSeatStatus.Sold;
                    order.Items[i] = item with { Barcode = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
                }
                else
                {
                    item.Seat.Status = BookingSeatStatus.Booked;
                }
            }

            return order;
        }
    }

    /// <summary>
    /// Turns a committed booking into a pending purchase of the given items; the other items are
    /// released. What the booking's commit paid is credited; a commit then closes the purchase.
    /// </summary>
    public BookingOrder PurchaseBooking(string orderCode, string channelId, IReadOnlyList<long> itemIds)
    {
        lock (_gate)
        {
            Now();
            var order = Order(orderCode, channelId);
            if (order.Type != BookingOrderType.Booking || !order.Committed)
            {
                throw BookingException.Conflict("INVALID_ORDER_STATE", $"Order {orderCode} is not a committed booking.");
            }

            if (itemIds.Count == 0)
            {
                throw BookingException.Invalid("INVALID_PARAMETER", "items: give at least one item id of the booking.");
            }

            var unknown = itemIds.Where(id => order.Items.All(i => i.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                throw BookingException.NotFound("ITEM_NOT_FOUND", $"Items not in the booking: {string.Join(", ", unknown)}.");
            }

            foreach (var item in order.Items.Where(i => !itemIds.Contains(i.Id)).ToList())
            {
                item.Seat.Status = BookingSeatStatus.Free;
                order.Items.Remove(item);
            }

            order.Type = BookingOrderType.Purchase;
            order.Committed = false;
            order.FromBooking = true;
            return order;
        }
    }

    public T ReadOrder<T>(string orderCode, string channelId, Func<BookingOrder, T> read)
    {
        lock (_gate)
        {
            Now();
            return read(Order(orderCode, channelId));
        }
    }

    private void EnsureBookingsEnabled(BookingCart cart)
    {
        if (!_settings.ChannelEnabled(cart.ChannelId))
        {
            throw BookingException.Forbidden("BOOKINGS_NOT_ENABLED", $"Bookings are not enabled for channel {cart.ChannelId}.");
        }

        var disabled = cart.Items.Select(i => _events[i.Seat.Session.EventId].PromoterId).Distinct().Where(p => !_settings.PromoterEnabled(p)).ToList();
        if (disabled.Count > 0)
        {
            throw BookingException.Forbidden("BOOKINGS_NOT_ENABLED", $"Bookings are not enabled for promoter {string.Join(", ", disabled)}.");
        }
    }

    private BookingOrder Order(string orderCode, string channelId)
    {
        if (_orders.TryGetValue(orderCode, out var order) && string.Equals(order.ChannelId, channelId, StringComparison.Ordinal))
        {
            return order;
        }

        throw Closed(_closedOrders, orderCode) ?? BookingException.NotFound("ORDER_NOT_FOUND", $"Order {orderCode} does not exist.");
    }

    private string NextOrderCode() => string.Create(CultureInfo.InvariantCulture, $"ORD-{++_lastOrderNumber:D6}");

    private static string NewLocator()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Concat(RandomNumberGenerator.GetItems<char>(alphabet, 8));
    }
}
