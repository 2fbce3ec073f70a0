using System.Text.Json;

namespace CommerceGateway.Soak.Buyers;

/// <content>booking-demo: buyers race for the few free seats of two sessions; some walk away holding them.</content>
public sealed partial class Buyer
{
    private const string SeatMap = "query($s: ID!) { seatMap(channel: \"booking-demo\", sessionId: $s) { seats { id status } } }";

    private const string AddSeats = "mutation($id: ID!, $seats: [ID!], $n: Int!, $s: ID) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"1\", quantity: $n, sessionId: $s, seatIds: $seats }]) { cart { id lines { seats { seatId } } } " + Errors + " } }";

    private const string BookingPay = "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_soak\" }) { paymentStatus " + OrderFields + " " + Errors + " } }";

    private static readonly string[] Sessions = ["2001", "2002"];

    private async Task BookingAsync(string tag, CancellationToken stop)
    {
        var session = Sessions[random.Next(Sessions.Length)];
        var map = await RetriedAsync("seatMap", SeatMap, new { s = session }, stop);
        if (!map.Ok)
        {
            return;
        }

        var free = map.Payload.GetProperty("seats").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() == "AVAILABLE").Select(s => s.GetProperty("id").GetString()!).ToList();
        if (free.Count == 0)
        {
            // Sold out: this buyer shops elsewhere this time.
            await OrderFlowAsync(tag, stop);
            return;
        }

        // Popular seats: most buyers go for the first free ones, so carts really collide.
        var wanted = free.Take(random.Next(1, 3)).ToList();
        var created = await OnceAsync("cartCreate", CartCreate, new { channel = "booking-demo" }, stop);
        if (!created.Ok)
        {
            return;
        }

        var cartId = Id(created, "cart");
        var added = await OnceAsync("cartLinesAdd", AddSeats, new { id = cartId, seats = wanted, n = wanted.Count, s = session }, stop);
        if (!added.Ok || random.Next(10) == 0)
        {
            // Seat taken, sold out, or no answer: the cart (and whatever it may hold) is left to its TTL.
            return;
        }

        var seats = added.Payload.GetProperty("cart").GetProperty("lines").EnumerateArray()
            .SelectMany(l => l.GetProperty("seats").EnumerateArray()).Select(s => s.GetProperty("seatId").GetString()!).ToList();
        if (!(await RetriedAsync("cartBuyerUpdate", BuyerUpdate, new { id = cartId, email = Email(tag), last = tag }, stop)).Ok
            || !(await RetriedAsync("checkoutBegin", Begin, new { id = cartId }, stop)).Ok)
        {
            return;
        }

        var key = Key(tag);
        var paid = await PayAsync(BookingPay, new { id = cartId, key }, key, stop);
        if (paid is { } payload && payload.GetProperty("paymentStatus").GetString() == "PAID")
        {
            Confirm("booking-demo", payload.GetProperty("order"), tag, key, seats);
        }
    }
}
