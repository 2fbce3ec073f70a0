using System.Text.Json;

namespace CommerceGateway.Soak.Buyers;

/// <content>guestmanager-demo: named tickets, a billing address, and a payment that may answer PROCESSING first.</content>
public sealed partial class Buyer
{
    internal const string TicketLines = "mutation($id: ID!, $n: Int!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"101\", quantity: $n }]) { cart { id } " + Errors + " } }";

    internal const string Attendees = "mutation($id: ID!, $a: [AttendeeInput!]!) { cartAttendeesUpdate(cartId: $id, attendees: $a) { cart { id } " + Errors + " } }";

    internal const string Billing = "mutation($id: ID!) { cartAddressesUpdate(cartId: $id, billingAddress: { address1: \"1 Main Street\", city: \"Springfield\", zip: \"62701\", countryCode: \"US\", provinceCode: \"IL\" }) { cart { id } " + Errors + " } }";

    private async Task GuestManagerAsync(string tag, CancellationToken stop)
    {
        var created = await OnceAsync("cartCreate", CartCreate, new { channel = "guestmanager-demo" }, stop);
        if (!created.Ok)
        {
            return;
        }

        var cartId = Id(created, "cart");
        if (!(await OnceAsync("cartLinesAdd", TicketLines, new { id = cartId, n = random.Next(1, 3) }, stop)).Ok
            || !(await RetriedAsync("cartBuyerUpdate", BuyerUpdate, new { id = cartId, email = Email(tag), last = tag }, stop)).Ok)
        {
            return;
        }

        var begun = await RetriedAsync("checkoutBegin", Begin, new { id = cartId }, stop);
        if (!begun.Ok)
        {
            return;
        }

        var cart = begun.Payload.GetProperty("cart");
        if (cart.GetProperty("checkout").GetProperty("currentStep").GetString() == "TICKETS")
        {
            var attendees = cart.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("attendees").EnumerateArray())
                .Select((a, i) => new { ticketId = a.GetProperty("ticketId").GetString(), name = $"Guest {i + 1} {tag}", email = Email(tag) }).ToList();
            if (!(await RetriedAsync("cartAttendeesUpdate", Attendees, new { id = cartId, a = attendees }, stop)).Ok)
            {
                return;
            }
        }

        if (!(await RetriedAsync("cartAddressesUpdate", Billing, new { id = cartId }, stop)).Ok)
        {
            return;
        }

        var key = Key(tag);
        var paid = await PayAsync(Pay, new { id = cartId, key }, key, stop);
        if (paid is not { } payload)
        {
            return;
        }

        var order = payload.GetProperty("order");
        var status = payload.GetProperty("paymentStatus").GetString();
        for (var i = 0; i < 60 && status is "PROCESSING" or "PENDING"; i++)
        {
            await Task.Delay(200, stop);
            var read = await RetriedAsync("cart", CartRead, new { id = cartId }, stop);
            if (!read.Ok)
            {
                continue;
            }

            order = read.Payload.GetProperty("order");
            status = order.ValueKind == JsonValueKind.Object ? order.GetProperty("paymentStatus").GetString() : status;
            if (read.Payload.GetProperty("checkout").GetProperty("status").GetString() == "COMPLETE" && order.ValueKind == JsonValueKind.Object)
            {
                status = "PAID";
            }
        }

        if (status == "PAID" && order.ValueKind == JsonValueKind.Object)
        {
            journal.PaymentAnswered(key, order.GetProperty("id").GetString()!, journal.Now);
            Confirm("guestmanager-demo", order, tag, key, []);
        }
    }
}
