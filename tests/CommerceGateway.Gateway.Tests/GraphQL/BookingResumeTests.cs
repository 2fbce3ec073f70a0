using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// checkoutResume on booking-demo through <c>/graphql</c>: the seat hold lapses after 10 minutes on the shared
/// fake clock, payment says HOLD_EXPIRED, and resuming holds the same seat again, or another of the same rate
/// when the buyer allows it, or is SOLD_OUT. The next payment charges the resumed cart's total once.
/// </summary>
public sealed class BookingResumeTests(SharedClockCommerceFixture fixture) : IClassFixture<SharedClockCommerceFixture>
{
    private const string Resume = "mutation($id: ID!, $alternatives: Boolean!) { checkoutResume(cartId: $id, allowAlternativeSeats: $alternatives) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields;

    private const string Pay = "mutation($id: ID!, $key: String!, $amount: Decimal!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_tx_resume\", amount: { amount: $amount, currencyCode: \"EUR\" } }) { paymentStatus order { id total { amount } amountPaid { amount } } userErrors { code field message } } }";

    // Past the 10-minute lock and the sandbox's 15-second sweep.
    private static readonly TimeSpan PastTheHold = TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(16);

    [Fact]
    public async Task ExpiredSeatHold_StillFree_ResumeHoldsTheSameSeatAgain_AndThePaymentChargesItsTotalOnce()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var seats = await BookingCheckoutTests.FreeSeatsAsync(api, 1);
        var cartId = await AtPaymentAsync(api, seats);

        fixture.Sandbox.Clock.Advance(PastTheHold);
        var lapsed = await api.FailAsync("checkoutSubmitPayment", "HOLD_EXPIRED", Pay, new { id = cartId, key = OrderFlowCheckoutTests.NewKey(), amount = "30.00" });
        var expired = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        var resumed = (await api.MutateAsync("checkoutResume", Resume, new { id = cartId, alternatives = false })).GetProperty("cart");
        var total = resumed.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString()!;
        var paid = await api.MutateAsync("checkoutSubmitPayment", Pay, new { id = cartId, key = OrderFlowCheckoutTests.NewKey(), amount = total });

        Assert.Equal(JsonValueKind.Null, lapsed.GetProperty("order").ValueKind);
        Assert.True(expired.GetProperty("expired").GetBoolean());
        Assert.False(resumed.GetProperty("expired").GetBoolean());
        Assert.Equal("OPEN", resumed.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal(seats, SeatsOf(resumed));
        var heldFor = resumed.GetProperty("expiresAt").GetDateTimeOffset() - fixture.Sandbox.Clock.GetUtcNow();
        Assert.InRange(heldFor, TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal("30.00", total);
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal(total, paid.GetProperty("order").GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal(total, paid.GetProperty("order").GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("SOLD", (await BookingCheckoutTests.SeatMapAsync(api))[seats[0]]);
    }

    [Fact]
    public async Task ExpiredSeatHold_SeatTakenByAnotherCart_ResumeIsSoldOut_UnlessAlternativeSeatsAreAllowed()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var seats = await BookingCheckoutTests.FreeSeatsAsync(api, 1);
        var cartId = await AtPaymentAsync(api, seats);

        fixture.Sandbox.Clock.Advance(PastTheHold);
        await api.FailAsync("checkoutSubmitPayment", "HOLD_EXPIRED", Pay, new { id = cartId, key = OrderFlowCheckoutTests.NewKey(), amount = "30.00" });
        // The lapsed hold freed the seat, and another buyer takes it.
        var other = (await BookingCheckoutTests.SeatCartAsync(api, seats)).GetProperty("id").GetString();
        var soldOut = await api.FailAsync("checkoutResume", "SOLD_OUT", Resume, new { id = cartId, alternatives = false });
        var stillExpired = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        var resumed = (await api.MutateAsync("checkoutResume", Resume, new { id = cartId, alternatives = true })).GetProperty("cart");
        var total = resumed.GetProperty("cost").GetProperty("total").GetProperty("amount").GetString()!;
        var paid = await api.MutateAsync("checkoutSubmitPayment", Pay, new { id = cartId, key = OrderFlowCheckoutTests.NewKey(), amount = total });

        Assert.Contains(seats[0], soldOut.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(stillExpired.GetProperty("expired").GetBoolean());
        Assert.Equal(seats, SeatsOf((await OrderFlowCheckoutTests.CartAsync(api, other!))));
        var line = Assert.Single(resumed.GetProperty("lines").EnumerateArray());
        Assert.Equal("1", line.GetProperty("merchandiseId").GetString());
        var replacement = Assert.Single(SeatsOf(resumed));
        Assert.NotEqual(seats[0], replacement);
        Assert.Equal("OPEN", resumed.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal(line.GetProperty("unitPrice").GetProperty("amount").GetString(), total);
        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal(total, paid.GetProperty("order").GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(total, paid.GetProperty("order").GetProperty("total").GetProperty("amount").GetString());
        var map = await BookingCheckoutTests.SeatMapAsync(api);
        Assert.Equal(("SOLD", "HELD"), (map[replacement], map[seats[0]]));
    }

    private static async Task<string> AtPaymentAsync(CommerceApi api, IReadOnlyList<string> seats)
    {
        var cartId = (await BookingCheckoutTests.SeatCartAsync(api, seats)).GetProperty("id").GetString()!;
        await api.MutateAsync("checkoutBegin", "mutation($id: ID!) { checkoutBegin(cartId: $id) { cart { id } userErrors { code field message } } }", new { id = cartId });
        return cartId;
    }

    private static List<string> SeatsOf(JsonElement cart) =>
        [.. cart.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("seats").EnumerateArray()).Select(s => s.GetProperty("seatId").GetString()!)];
}
