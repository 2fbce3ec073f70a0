using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// A booking's money at the checkout core: the commit collects what the client says it collected, the
/// purchase only what is still due (priced from the chosen items, less what the commit paid, never below
/// zero), and no retry, with the same key or a new one, collects twice.
/// </summary>
public sealed class BookingPaymentTests : IDisposable
{
    private static readonly ClientContext Alice = new("storefront-alice");
    private readonly ChargeLedger _ledger = new();
    private readonly CheckoutHost _host;

    public BookingPaymentTests() => _host = new CheckoutHost(_ledger);

    private CheckoutServices Checkout => _host.Checkout;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Purchase_AfterACommitOfTheWholeTotal_CollectsNothingMore()
    {
        var booking = await BookingAsync(seats: 2);
        await CommitAsync(booking, amount: null);

        var purchased = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, null, "purchase-1", default);
        var after = await Checkout.Bookings.GetBookingAsync(Alice, booking.Id, default);

        Assert.True(purchased.Succeeded, string.Join("; ", purchased.Errors));
        Assert.Equal([Usd(20m)], _ledger.Amounts);
        Assert.Equal(Usd(20m), purchased.Value!.Order.AmountPaid);
        Assert.Equal(Usd(20m), purchased.Value.Order.Total);
        Assert.Equal(BookingStatus.Purchased, after!.Booking.Status);
        Assert.Equal(purchased.Value.Id, after.OrderId);
        Assert.Equal(Usd(0m), after.AmountDue);
    }

    [Fact]
    public async Task Purchase_WithAPaymentWhenNothingIsDue_IsRefusedAndCollectsNothing()
    {
        var booking = await BookingAsync(seats: 2);
        await CommitAsync(booking, amount: null);

        var refused = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null), "purchase-1", default);

        var error = Assert.Single(refused.Errors);
        Assert.Equal((CommerceErrorCodes.InvalidInput, "payment"), (error.Code, error.Field));
        Assert.Contains("Nothing is due", error.Message, StringComparison.Ordinal);
        Assert.Null(refused.Value);
        Assert.Equal(0, _host.Bookings.Purchases);
        Assert.Equal([Usd(20m)], _ledger.Amounts);
        Assert.Equal(BookingStatus.Committed, (await Checkout.Bookings.GetBookingAsync(Alice, booking.Id, default))!.Booking.Status);
    }

    [Fact]
    public async Task Purchase_AfterADeposit_CollectsOnlyTheRest()
    {
        var booking = await BookingAsync(seats: 3);
        await CommitAsync(booking, Usd(12m));

        var withoutPayment = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, null, "purchase-1", default);
        var wrongAmount = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null, Amount: Usd(30m)), "purchase-2", default);
        var purchased = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null), "purchase-3", default);

        Assert.Equal("payment", Assert.Single(withoutPayment.Errors).Field);
        Assert.Contains("18", withoutPayment.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("payment.amount", Assert.Single(wrongAmount.Errors).Field);
        Assert.True(purchased.Succeeded, string.Join("; ", purchased.Errors));
        Assert.Equal([Usd(12m), Usd(18m)], _ledger.Amounts);
        Assert.Equal(Usd(30m), purchased.Value!.Order.AmountPaid);
    }

    [Theory]
    [InlineData(12, 8)]
    [InlineData(20, 0)]
    public async Task Purchase_OfChosenItems_IsPricedFromThemLessWhatTheCommitPaid(int deposit, int due)
    {
        var booking = await BookingAsync(seats: 3);
        await CommitAsync(booking, Usd(deposit));
        var chosen = booking.Booking.Items.Take(2).Select(i => i.Id).ToList();

        var payment = due > 0 ? new PaymentRequest("tok_ok", null, Amount: Usd(due)) : null;
        var purchased = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, chosen, payment, "purchase-1", default);

        Assert.True(purchased.Succeeded, string.Join("; ", purchased.Errors));
        Assert.Equal(Usd(20m), purchased.Value!.Order.Total);
        Assert.Equal(chosen, purchased.Value.Order.Lines.Select(l => l.Id));
        Money[] charged = due > 0 ? [Usd(deposit), Usd(due)] : [Usd(deposit)];
        Assert.Equal(charged, _ledger.Amounts);
    }

    [Fact]
    public async Task Purchase_OfItemsCostingLessThanTheCommitPaid_IsRefusedBeforeAnythingIsReleased_ThenEveryItemPaysExactly()
    {
        var booking = await BookingAsync(seats: 3);
        await CommitAsync(booking, Usd(25m));
        var chosen = booking.Booking.Items.Take(2).Select(i => i.Id).ToList();

        var refused = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, chosen, null, "purchase-1", default);
        var stillCommitted = await Checkout.Bookings.GetBookingAsync(Alice, booking.Id, default);
        var purchased = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null), "purchase-2", default);

        var error = Assert.Single(refused.Errors);
        Assert.Equal((CommerceErrorCodes.InvalidInput, "itemIds"), (error.Code, error.Field));
        Assert.Null(refused.Value);
        Assert.Equal(BookingStatus.Committed, stillCommitted!.Booking.Status);
        Assert.Equal(3, stillCommitted.Booking.Items.Count);
        Assert.True(purchased.Succeeded, string.Join("; ", purchased.Errors));
        Assert.Equal(1, _host.Bookings.Purchases);
        Assert.Equal([Usd(25m), Usd(5m)], _ledger.Amounts);
        Assert.Equal(purchased.Value!.Order.Total, purchased.Value.Order.AmountPaid);
    }

    [Fact]
    public async Task Commit_AboveTheTotal_IsAnInvalidInputAndCollectsNothing()
    {
        var booking = await BookingAsync(seats: 2);

        var refused = await Checkout.Bookings.CommitBookingAsync(Alice, booking.Id, new PaymentRequest("tok_ok", null, Amount: Usd(20.01m)), "commit-1", default);

        Assert.Equal((CommerceErrorCodes.InvalidInput, "payment.amount"), (Assert.Single(refused.Errors).Code, refused.Errors[0].Field));
        Assert.Empty(_ledger.Amounts);
        Assert.Equal(BookingStatus.Held, (await Checkout.Bookings.GetBookingAsync(Alice, booking.Id, default))!.Booking.Status);
    }

    [Fact]
    public async Task Purchase_OfAnItemNotInTheBookingOrOfNoItems_IsRefusedAndCollectsNothing()
    {
        var booking = await BookingAsync(seats: 1);
        await CommitAsync(booking, amount: null);

        var unknown = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, ["no-such-item"], null, "purchase-1", default);
        var none = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, [], null, "purchase-2", default);

        Assert.Equal((CheckoutErrorCodes.NotFound, "itemIds"), (Assert.Single(unknown.Errors).Code, unknown.Errors[0].Field));
        Assert.Equal((CommerceErrorCodes.InvalidInput, "itemIds"), (Assert.Single(none.Errors).Code, none.Errors[0].Field));
        Assert.Equal(0, _host.Bookings.Purchases);
    }

    [Fact]
    public async Task Purchase_OfABookingNotYetCommitted_IsAnInvalidStep()
    {
        var booking = await BookingAsync(seats: 1);

        var refused = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null), "purchase-1", default);

        Assert.Equal(CommerceErrorCodes.InvalidStep, Assert.Single(refused.Errors).Code);
        Assert.Empty(_ledger.Amounts);
    }

    [Fact]
    public async Task Commit_RetriedWithTheSameKey_Replays_AndANewKeyIsRefused_CollectingOnce()
    {
        var booking = await BookingAsync(seats: 2);

        var first = await Checkout.Bookings.CommitBookingAsync(Alice, booking.Id, new PaymentRequest("tok_ok", null), "commit-1", default);
        var replay = await Checkout.Bookings.CommitBookingAsync(Alice, booking.Id, new PaymentRequest("tok_ok", null), "commit-1", default);
        var again = await Checkout.Bookings.CommitBookingAsync(Alice, booking.Id, new PaymentRequest("tok_ok", null), "commit-2", default);

        Assert.Equal(BookingStatus.Committed, first.Value!.Booking.Status);
        Assert.Equal(BookingStatus.Committed, replay.Value!.Booking.Status);
        Assert.Equal(CommerceErrorCodes.InvalidStep, Assert.Single(again.Errors).Code);
        Assert.Contains("already committed", again.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal([Usd(20m)], _ledger.Amounts);
    }

    [Fact]
    public async Task Purchase_RetriedWithTheSameKey_ReplaysTheOrder_AndANewKeyIsRefused_CollectingOnce()
    {
        var booking = await BookingAsync(seats: 3);
        await CommitAsync(booking, Usd(12m));

        var first = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null), "purchase-1", default);
        var replay = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null), "purchase-1", default);
        var again = await Checkout.Bookings.PurchaseBookingAsync(Alice, booking.Id, null, new PaymentRequest("tok_ok", null), "purchase-2", default);

        Assert.Equal(first.Value!.Id, replay.Value!.Id);
        Assert.Equal(CommerceErrorCodes.InvalidStep, Assert.Single(again.Errors).Code);
        Assert.Contains(first.Value.Id, again.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, _host.Bookings.Purchases);
        Assert.Equal([Usd(12m), Usd(18m)], _ledger.Amounts);
    }

    private async Task<BookingRecord> BookingAsync(int seats)
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("seat", seats)], null, default);
        var booking = await Checkout.Bookings.CreateBookingAsync(Alice, cart.Id, default);
        Assert.True(booking.Succeeded, string.Join("; ", booking.Errors));
        return booking.Value!;
    }

    private async Task CommitAsync(BookingRecord booking, Money? amount)
    {
        var committed = await Checkout.Bookings.CommitBookingAsync(Alice, booking.Id, new PaymentRequest("tok_ok", null, Amount: amount), "commit-" + booking.Id, default);
        Assert.True(committed.Succeeded, string.Join("; ", committed.Errors));
    }

    private static Money Usd(decimal amount) => Money.Of(amount, "USD");
}
