using System.Globalization;
using CommerceGateway.Sandbox.Hosting;

namespace CommerceGateway.Sandbox.Booking;

/// <content>The ledger: live carts (seats locked until they expire) and every order with its seats.</content>
internal sealed partial class BookingStore
{
    /// <summary>What the store holds now, after expiring what is due.</summary>
    public IReadOnlyList<LedgerEntry> Ledger()
    {
        lock (_gate)
        {
            Now();
            var carts = _carts.Values.Where(c => c.Items.Count > 0).Select(c => new LedgerEntry(
                "booking", c.Token, null, "cart", c.Items.Sum(i => i.Rate.Price), BookingSeed.Currency, 0m, 0,
                c.ClientData?.Email, [.. c.Items.Select(i => i.Seat.Definition.Id)], c.ExpiresAt));
            var orders = _orders.Values.Select(o => new LedgerEntry(
                "booking", o.Code, o.Locator, OrderState(o), o.Total, BookingSeed.Currency, o.Paid, o.Paid > 0m ? 1 : 0,
                o.ClientData?.Email, [.. o.Items.Select(i => i.Seat.Definition.Id)], o.ExpiresAt));
            return [.. carts, .. orders];
        }
    }

    private static string OrderState(BookingOrder order) =>
        (order.Committed ? "committed-" : "pending-") + order.Type.ToString().ToLower(CultureInfo.InvariantCulture);
}
