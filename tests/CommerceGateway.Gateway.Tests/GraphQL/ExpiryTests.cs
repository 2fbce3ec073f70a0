using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Holds that lapse: the cart says so, checkoutResume holds again; bookings past their deadline say so.</summary>
public sealed class ExpiryTests(FakeClockCommerceFixture fixture) : IClassFixture<FakeClockCommerceFixture>
{
    private const string AddBackstageTour = "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"601\", quantity: 1 }]) { cart { id } userErrors { code field message } } }";

    private static readonly TimeSpan GuestManagerHold = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task ExpiredHold_PaymentSaysHoldExpired_CartSaysExpired_ResumeHoldsAgainAndPays()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var cartId = await GuestManagerCheckoutTests.AtPaymentAsync(api);
        var heldUntil = (await OrderFlowCheckoutTests.CartAsync(api, cartId)).GetProperty("expiresAt").GetDateTimeOffset();

        fixture.Sandbox.Clock.Advance(GuestManagerHold + TimeSpan.FromMinutes(1));
        await api.FailAsync("checkoutSubmitPayment", "HOLD_EXPIRED", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var expired = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        var resumed = (await api.MutateAsync("checkoutResume", "mutation($id: ID!) { checkoutResume(cartId: $id) { cart { ...CartFields } userErrors { code field message } } }" + CommerceApi.CartFields, new { id = cartId })).GetProperty("cart");

        Assert.True(expired.GetProperty("expired").GetBoolean());
        Assert.Equal("EXPIRED", expired.GetProperty("checkout").GetProperty("status").GetString());
        Assert.False(resumed.GetProperty("expired").GetBoolean());
        Assert.Equal("OPEN", resumed.GetProperty("checkout").GetProperty("status").GetString());
        Assert.Equal("PAYMENT", resumed.GetProperty("checkout").GetProperty("currentStep").GetString());
        Assert.True(resumed.GetProperty("expiresAt").GetDateTimeOffset() > heldUntil);

        await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        for (var i = 0; i < 20 && cart.GetProperty("checkout").GetProperty("status").GetString() == "PROCESSING"; i++)
        {
            // The sandbox settles payments on its own (fake) clock.
            fixture.Sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
            cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);
        }

        Assert.Equal("COMPLETE", cart.GetProperty("checkout").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ResumeAfterTheTicketsWereSoldToSomeoneElse_IsSoldOut_AndTheCartStaysExpired()
    {
        using var api = await fixture.Host.StorefrontAsync();
        // Variant 601 (backstage tour) has two tickets in all: this cart holds both.
        var cartId = await GuestManagerCheckoutTests.AtPaymentAsync(api, "601");
        await api.FailAsync("cartLinesAdd", "SOLD_OUT", AddBackstageTour, new { id = await NewGuestManagerCartAsync(api) });

        fixture.Sandbox.Clock.Advance(GuestManagerHold + TimeSpan.FromMinutes(1));
        // The lapsed hold gave the tickets back, and another buyer takes one.
        await api.MutateAsync("cartLinesAdd", AddBackstageTour, new { id = await NewGuestManagerCartAsync(api) });
        var resume = await api.FailAsync("checkoutResume", "SOLD_OUT", "mutation($id: ID!) { checkoutResume(cartId: $id) { cart { id } userErrors { code field message } } }", new { id = cartId });
        await api.FailAsync("checkoutSubmitPayment", "HOLD_EXPIRED", OrderFlowCheckoutTests.PayMutation, new { cartId, token = "tok_visa", key = OrderFlowCheckoutTests.NewKey() });
        var cart = await OrderFlowCheckoutTests.CartAsync(api, cartId);

        Assert.Contains("601", resume.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(cart.GetProperty("expired").GetBoolean());
        Assert.Equal("EXPIRED", cart.GetProperty("checkout").GetProperty("status").GetString());
    }

    [Fact]
    public async Task BookingPastItsDeadline_SaysExpired_AndCannotBeCommitted()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var seats = await BookingCheckoutTests.FreeSeatsAsync(api, 1);
        var cartId = (await BookingCheckoutTests.SeatCartAsync(api, seats)).GetProperty("id").GetString();
        var booking = (await api.MutateAsync("bookingCreate", "mutation($id: ID!) { bookingCreate(cartId: $id) { booking { id total { amount } } userErrors { code field message } } }", new { id = cartId })).GetProperty("booking");
        var bookingId = booking.GetProperty("id").GetString();

        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(46));
        var read = (await api.DataAsync("query($id: ID!) { booking(id: $id) { status expired } }", new { id = bookingId })).GetProperty("booking");
        var commit = await api.PayloadAsync(
            "bookingCommit",
            "mutation($id: ID!, $key: String!, $amount: Decimal!) { bookingCommit(bookingId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_tx_late\", amount: { amount: $amount, currencyCode: \"EUR\" } }) { booking { id } userErrors { code field message } } }",
            new { id = bookingId, key = OrderFlowCheckoutTests.NewKey(), amount = booking.GetProperty("total").GetProperty("amount").GetString() });

        Assert.Equal("EXPIRED", read.GetProperty("status").GetString());
        Assert.True(read.GetProperty("expired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, commit.GetProperty("booking").ValueKind);
        Assert.NotEqual(0, commit.GetProperty("userErrors").GetArrayLength());
    }

    private static async Task<string> NewGuestManagerCartAsync(CommerceApi api) =>
        (await api.MutateAsync("cartCreate", "mutation { cartCreate(channel: \"guestmanager-demo\") { cart { id } userErrors { code field message } } }")).GetProperty("cart").GetProperty("id").GetString()!;
}
