using System.Collections.Concurrent;
using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// The booking side of <see cref="TestShopBackend"/>, shared by every replica's backend instance as a real
/// backend's state is. Unlike OneBox it takes a deposit at commit (any amount above zero), so a purchase can
/// still owe something; like a real backend it refuses to collect more than is due, to commit twice or to
/// purchase twice, and credits the commit's payment to the purchase. Every collection is charged to the ledger.
/// </summary>
public sealed class TestBookingDesk(ChargeLedger ledger)
{
    private readonly ConcurrentDictionary<string, Booking> _bookings = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>How many purchases went through.</summary>
    public int Purchases { get; private set; }

    public Booking Create(Cart cart)
    {
        var items = cart.Lines.SelectMany(l => Enumerable.Range(1, l.Quantity).Select(n => new BookingItem($"{l.Id}-{n}", l.UnitPrice))).ToList();
        var booking = new Booking
        {
            Id = "backend-booking-" + cart.Id,
            Channel = cart.Channel,
            Status = BookingStatus.Held,
            Total = cart.Totals.Total,
            AmountPaid = Money.Zero(cart.Currency),
            Items = items,
            CartId = cart.Id,
        };
        _bookings[booking.Id] = booking;
        return booking;
    }

    public Booking Get(string id) => _bookings[id];

    public Booking Commit(string id, PaymentInstruction payment)
    {
        lock (_gate)
        {
            var booking = _bookings[id];
            if (booking.Status != BookingStatus.Held)
            {
                throw new BackendConflictException(booking.Channel, $"Booking {id} is {booking.Status}, not held.");
            }

            if (payment.Amount.Amount <= 0m || payment.Amount > booking.Total)
            {
                throw new BackendRejectedException(booking.Channel, CommerceErrorCodes.Underpaid, $"A deposit is above zero and at most {booking.Total}.", field: "payment.amount");
            }

            ledger.Charge(payment.Amount);
            return _bookings[id] = booking with { Status = BookingStatus.Committed, AmountPaid = payment.Amount };
        }
    }

    public Order Purchase(string id, IReadOnlyList<string>? itemIds, PaymentInstruction? payment)
    {
        lock (_gate)
        {
            var booking = _bookings[id];
            if (booking.Status != BookingStatus.Committed)
            {
                throw new BackendConflictException(booking.Channel, $"Booking {id} is {booking.Status}, not committed.");
            }

            var kept = itemIds is null ? booking.Items : [.. booking.Items.Where(i => itemIds.Contains(i.Id))];
            var total = kept.Aggregate(Money.Zero(booking.Total.Currency), (sum, i) => sum + i.Price);
            var due = total - booking.AmountPaid is { Amount: > 0m } rest ? rest : Money.Zero(total.Currency);
            var collected = payment?.Amount ?? Money.Zero(total.Currency);
            if (collected != due)
            {
                throw new BackendRejectedException(booking.Channel, CommerceErrorCodes.InvalidInput, $"The purchase owes {due}, not {collected}.", field: "payment.amount");
            }

            if (payment is not null)
            {
                ledger.Charge(payment.Amount);
            }

            Purchases++;
            var paid = booking.AmountPaid + collected;
            _bookings[id] = booking with { Status = BookingStatus.Purchased, Items = kept, Total = total, AmountPaid = paid };
            return new Order
            {
                Id = "backend-order-" + id,
                Channel = booking.Channel,
                Status = OrderStatus.Placed,
                PaymentStatus = PaymentStatus.Paid,
                Total = total,
                AmountPaid = paid,
                AmountRefunded = Money.Zero(total.Currency),
                Lines = [.. kept.Select(i => new OrderLine(i.Id, i.Id, 1, i.Price))],
            };
        }
    }
}
