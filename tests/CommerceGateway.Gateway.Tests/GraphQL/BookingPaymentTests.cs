using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A booking's money through <c>/graphql</c> on booking-demo: the commit pays the total, so the purchase
/// collects nothing more (once charged, never twice), a payment sent when nothing is due is refused, and
/// retries of commit and purchase replay instead of collecting again.
/// </summary>
public sealed class BookingPaymentTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>
{
    private const string Purchase = "mutation($id: ID!, $key: String!) { bookingPurchase(bookingId: $id, idempotencyKey: $key) { order { id paymentStatus total { amount } amountPaid { amount } } userErrors { code field message } } }";

    private const string PurchaseWithPayment = "mutation($id: ID!, $key: String!) { bookingPurchase(bookingId: $id, idempotencyKey: $key, payment: { pspTransactionId: \"psp_tx_again\" }) { order { id } userErrors { code field message } } }";

    private const string ReadBooking = "query($id: ID!) { booking(id: $id) { status total { amount } amountPaid { amount } amountDue { amount } orderId } }";

    [Fact]
    public async Task Purchase_AfterCommittingTheWholeTotal_CollectsNothingMore_TheOrderShowsTheTotalPaidOnce()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (bookingId, total) = await CommittedBookingAsync(api);

        var order = (await api.MutateAsync("bookingPurchase", Purchase, new { id = bookingId, key = OrderFlowCheckoutTests.NewKey() })).GetProperty("order");
        var booking = (await api.DataAsync(ReadBooking, new { id = bookingId })).GetProperty("booking");

        Assert.Equal(total, order.GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal(total, order.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("PURCHASED", booking.GetProperty("status").GetString());
        Assert.Equal(total, booking.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(0m, decimal.Parse(booking.GetProperty("amountDue").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(order.GetProperty("id").GetString(), booking.GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Purchase_WithAPaymentWhenNothingIsDue_IsAnInvalidInputOnPayment_AndTheBookingStaysCommitted()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var (bookingId, total) = await CommittedBookingAsync(api);

        var refused = await api.FailAsync("bookingPurchase", "INVALID_INPUT", PurchaseWithPayment, new { id = bookingId, key = OrderFlowCheckoutTests.NewKey() });
        var booking = (await api.DataAsync(ReadBooking, new { id = bookingId })).GetProperty("booking");

        Assert.Equal(JsonValueKind.Null, refused.GetProperty("order").ValueKind);
        Assert.Equal("payment", refused.GetProperty("userErrors")[0].GetProperty("field")[0].GetString());
        Assert.Equal("COMMITTED", booking.GetProperty("status").GetString());
        Assert.Equal(total, booking.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(JsonValueKind.Null, booking.GetProperty("orderId").ValueKind);
    }

    [Fact]
    public async Task CommitAndPurchase_RetriedWithTheirKeys_Replay_AndNewKeysAreInvalidStep_NothingCollectedTwice()
    {
        using var api = await fixture.Host.StorefrontAsync();
        var seats = await BookingCheckoutTests.FreeSeatsAsync(api, 1);
        var cartId = (await BookingCheckoutTests.SeatCartAsync(api, seats)).GetProperty("id").GetString();
        var created = (await api.MutateAsync("bookingCreate", "mutation($id: ID!) { bookingCreate(cartId: $id) { booking { id total { amount } } userErrors { code field message } } }", new { id = cartId })).GetProperty("booking");
        var bookingId = created.GetProperty("id").GetString();
        var total = created.GetProperty("total").GetProperty("amount").GetString();
        var commitKey = OrderFlowCheckoutTests.NewKey();
        var purchaseKey = OrderFlowCheckoutTests.NewKey();

        await api.MutateAsync("bookingCommit", BookingCheckoutTests.Commit, new { id = bookingId, amount = total, key = commitKey });
        var commitReplay = await api.MutateAsync("bookingCommit", BookingCheckoutTests.Commit, new { id = bookingId, amount = total, key = commitKey });
        await api.FailAsync("bookingCommit", "INVALID_STEP", BookingCheckoutTests.Commit, new { id = bookingId, amount = total, key = OrderFlowCheckoutTests.NewKey() });
        var first = (await api.MutateAsync("bookingPurchase", Purchase, new { id = bookingId, key = purchaseKey })).GetProperty("order");
        var replay = (await api.MutateAsync("bookingPurchase", Purchase, new { id = bookingId, key = purchaseKey })).GetProperty("order");
        await api.FailAsync("bookingPurchase", "INVALID_STEP", Purchase, new { id = bookingId, key = OrderFlowCheckoutTests.NewKey() });
        var booking = (await api.DataAsync(ReadBooking, new { id = bookingId })).GetProperty("booking");

        Assert.Equal(total, commitReplay.GetProperty("booking").GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Equal(total, replay.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal(total, booking.GetProperty("amountPaid").GetProperty("amount").GetString());
        Assert.Equal("PURCHASED", booking.GetProperty("status").GetString());
    }

    private static async Task<(string BookingId, string Total)> CommittedBookingAsync(CommerceApi api)
    {
        var seats = await BookingCheckoutTests.FreeSeatsAsync(api, 2);
        var cartId = (await BookingCheckoutTests.SeatCartAsync(api, seats)).GetProperty("id").GetString();
        var created = (await api.MutateAsync("bookingCreate", "mutation($id: ID!) { bookingCreate(cartId: $id) { booking { id total { amount } } userErrors { code field message } } }", new { id = cartId })).GetProperty("booking");
        var bookingId = created.GetProperty("id").GetString()!;
        var total = created.GetProperty("total").GetProperty("amount").GetString()!;
        await api.MutateAsync("bookingCommit", BookingCheckoutTests.Commit, new { id = bookingId, amount = total, key = OrderFlowCheckoutTests.NewKey() });
        return (bookingId, total);
    }
}
