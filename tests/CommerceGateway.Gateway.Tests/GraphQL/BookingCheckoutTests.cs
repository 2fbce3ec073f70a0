using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>The booking protocol through <c>/graphql</c>: seat maps, seat holds, hold -> booking -> commit -> purchase.</summary>
public sealed class BookingCheckoutTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>
{
    internal const string Session = "2001";

    [Fact]
    public async Task CompleteCheckout_ChosenSeatsAreHeldThenSold()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var seats = await FreeSeatsAsync(api, 2);
        var cart = await SeatCartAsync(api, seats);
        Assert.All(cart.GetProperty("lines")[0].GetProperty("seats").EnumerateArray(), s => Assert.Equal(JsonValueKind.String, s.GetProperty("expiresAt").ValueKind));
        var cartId = cart.GetProperty("id").GetString()!;
        await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id } userErrors { code field message } } }", new { id = cartId });

        var paid = await api.MutateAsync(
            "checkoutSubmitPayment",
            "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_tx_b1\" }) { paymentStatus order { id lines { ticketCode } } userErrors { code field message } } }",
            new { id = cartId, key = OrderFlowCheckoutTests.NewKey() });

        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.All(paid.GetProperty("order").GetProperty("lines").EnumerateArray(), l => Assert.False(string.IsNullOrEmpty(l.GetProperty("ticketCode").GetString())));
        var map = await SeatMapAsync(api);
        Assert.All(seats, s => Assert.Equal("SOLD", map[s]));
    }

    [Fact]
    public async Task DeclinedPayment_IsFailedWithTheReasonAndPaymentDeclined_ThenANewKeyPays()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = (await SeatCartAsync(api, await FreeSeatsAsync(api, 1))).GetProperty("id").GetString()!;
        await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id } userErrors { code field message } } }", new { id = cartId });
        const string Pay = "mutation($id: ID!, $key: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_tx_b2\" }) { paymentStatus failureReason order { id } cart { checkout { status } } userErrors { code field message } } }";

        JsonElement declined;
        await fixture.Sandbox.SetFaultAsync("booking", new Sandbox.Faults.FaultSpec { Decline = true });
        try
        {
            declined = await api.FailAsync("checkoutSubmitPayment", "PAYMENT_DECLINED", Pay, new { id = cartId, key = OrderFlowCheckoutTests.NewKey() });
        }
        finally
        {
            await fixture.Sandbox.ClearFaultAsync("booking");
        }

        var paid = await api.MutateAsync("checkoutSubmitPayment", Pay, new { id = cartId, key = OrderFlowCheckoutTests.NewKey() });

        Assert.Equal("FAILED", declined.GetProperty("paymentStatus").GetString());
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("order").ValueKind);
        Assert.Equal("PAYMENT_FAILED", declined.GetProperty("cart").GetProperty("checkout").GetProperty("status").GetString());
        var error = Assert.Single(declined.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(declined.GetProperty("failureReason").GetString(), error.GetProperty("message").GetString());
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
    }

    [Fact]
    public async Task SeatHeldByAnotherCart_IsSeatTaken()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var seats = await FreeSeatsAsync(api, 1);
        await SeatCartAsync(api, seats);
        var otherCart = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"booking-demo\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString();

        var payload = await api.PayloadAsync("cartLinesAdd", AddSeats, new { id = otherCart, seats, n = seats.Count, session = Session });

        var code = payload.GetProperty("userErrors")[0].GetProperty("code").GetString();
        Assert.Contains(code, new[] { "SEAT_TAKEN", "SOLD_OUT" });
    }

    [Fact]
    public async Task Booking_UnderpaidAndOverpaidCommitsAreRefused_APurchaseOfOneOfTheTwoPaidSeatsIsRefused_BothPayExactlyTheTotal()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var seats = await FreeSeatsAsync(api, 2);
        var cartId = (await SeatCartAsync(api, seats)).GetProperty("id").GetString();

        var booking = (await api.MutateAsync("bookingCreate", "mutation($id: ID!) { bookingCreate(cartId: $id) { booking { id status expiresAt total { amount currencyCode } items { id seatId price { amount } } } userErrors { code field message } } }", new { id = cartId })).GetProperty("booking");
        var bookingId = booking.GetProperty("id").GetString();
        Assert.Equal("HELD", booking.GetProperty("status").GetString());
        var deadline = booking.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(deadline - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(46));
        var total = booking.GetProperty("total").GetProperty("amount").GetString()!;
        var above = (decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture) + 0.01m).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await api.FailAsync("bookingCommit", "UNDERPAID", Commit, new { id = bookingId, amount = "1.00", key = OrderFlowCheckoutTests.NewKey() });
        await api.FailAsync("bookingCommit", "INVALID_INPUT", Commit, new { id = bookingId, amount = above, key = OrderFlowCheckoutTests.NewKey() });
        var committed = (await api.MutateAsync("bookingCommit", Commit, new { id = bookingId, amount = total, key = OrderFlowCheckoutTests.NewKey() })).GetProperty("booking");
        Assert.Equal("COMMITTED", committed.GetProperty("status").GetString());
        Assert.Equal(total, committed.GetProperty("amountPaid").GetProperty("amount").GetString());
        var kept = booking.GetProperty("items").EnumerateArray().First(i => i.GetProperty("seatId").GetString() == seats[0]).GetProperty("id").GetString();
        const string Purchase = "mutation($id: ID!, $items: [ID!], $key: String!) { bookingPurchase(bookingId: $id, itemIds: $items, idempotencyKey: $key) { order { id paymentStatus total { amount } amountPaid { amount } lines { ticketCode } } userErrors { code field message } } }";

        // The commit paid both seats; releasing one would keep its price, and the booking protocol has no refund.
        var refused = await api.FailAsync("bookingPurchase", "INVALID_INPUT", Purchase, new { id = bookingId, items = new[] { kept }, key = OrderFlowCheckoutTests.NewKey() });
        var afterRefusal = await SeatMapAsync(api);
        var order = (await api.MutateAsync("bookingPurchase", Purchase, new { id = bookingId, items = (string[]?)null, key = OrderFlowCheckoutTests.NewKey() })).GetProperty("order");

        Assert.Equal("itemIds", refused.GetProperty("userErrors")[0].GetProperty("field")[0].GetString());
        Assert.All(seats, s => Assert.Equal("HELD", afterRefusal[s]));
        Assert.Equal(2, order.GetProperty("lines").GetArrayLength());
        Assert.Equal(total, order.GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal(total, order.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("PURCHASED", (await api.DataAsync("query($id: ID!) { booking(id: $id) { status } }", new { id = bookingId })).GetProperty("booking").GetProperty("status").GetString());
        var map = await SeatMapAsync(api);
        Assert.All(seats, s => Assert.Equal("SOLD", map[s]));
    }

    internal const string AddSeats = "mutation($id: ID!, $seats: [ID!], $n: Int!, $session: ID) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"1\", quantity: $n, sessionId: $session, seatIds: $seats }]) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields;

    internal const string Commit = "mutation($id: ID!, $amount: Decimal!, $key: String!) { bookingCommit(bookingId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_tx_c\", amount: { amount: $amount, currencyCode: \"EUR\" } }) { booking { id status amountPaid { amount } } userErrors { code field message } } }";

    internal static async Task<Dictionary<string, string>> SeatMapAsync(CommerceApi api) =>
        (await api.DataAsync("query($s: ID!) { seatMap(channel: \"booking-demo\", sessionId: $s) { seats { id status } } }", new { s = Session }))
            .GetProperty("seatMap").GetProperty("seats").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("status").GetString()!);

    internal static async Task<List<string>> FreeSeatsAsync(CommerceApi api, int count) =>
        [.. (await SeatMapAsync(api)).Where(s => s.Value == "AVAILABLE").Select(s => s.Key).Take(count)];

    internal static async Task<JsonElement> SeatCartAsync(CommerceApi api, IReadOnlyList<string> seats)
    {
        var cartId = (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"booking-demo\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLinesAdd", AddSeats, new { id = cartId, seats, n = seats.Count, session = Session });
        return (await api.MutateAsync("cartBuyerUpdate", "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\", firstName: \"Ada\", lastName: \"Lovelace\", phone: \"+34600000000\" }) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");
    }
}
