using CommerceGateway.Adapters.OneBox.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OneBox.Tests;

/// <summary>The purchase and booking flows end to end against the sandbox. Chosen seats use session 2001, best seats 2002.</summary>
public sealed class BookingFlowTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    [Fact]
    public async Task SubmitPayment_FullAmount_SellsTheSeatsWithTicketsAndReleasesTheHolds()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200116", "200117"), None);
        Assert.Equal([CheckoutStepKind.Email, CheckoutStepKind.Payment], cart.Checkout.Steps.Select(s => s.Kind));
        Assert.Equal(CheckoutStepKind.Payment, cart.Checkout.Current);

        var outcome = await gateway.Backend.SubmitPaymentAsync(cart, Pay(60.00m), None);

        Assert.Equal(PaymentStatus.Paid, outcome.Status);
        Assert.Equal(CheckoutStatus.Complete, outcome.Cart.Checkout.Status);
        var order = outcome.Order!;
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        Assert.Equal(new Money(60.00m, Eur), order.Total);
        Assert.All(order.Lines, l => Assert.False(string.IsNullOrEmpty(l.TicketCode)));
        Assert.Empty(await gateway.Store.GetHoldsAsync(cart.Id));
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.All(map.Seats.Where(s => s.Id is "200116" or "200117"), s => Assert.Equal(SeatStatus.Sold, s.Status));
        var reread = await gateway.Backend.GetOrderAsync(order, None);
        Assert.Equal(PaymentStatus.Paid, reread.PaymentStatus);
        Assert.Equal(order.Lines.Select(l => l.TicketCode), reread.Lines.Select(l => l.TicketCode));
    }

    [Fact]
    public async Task SubmitPayment_BelowTheTotal_IsRefusedAsUnderpaidAndTheSeatsStayHeld()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200118"), None);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.SubmitPaymentAsync(cart, Pay(29.99m), None));

        Assert.Equal(CommerceErrorCodes.Underpaid, error.Code);
        Assert.NotNull(await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200118")));
        Assert.Equal(PaymentStatus.Paid, (await gateway.Backend.SubmitPaymentAsync(cart, Pay(30.00m), None)).Status);
    }

    [Fact]
    public async Task CommitBooking_BelowTheTotal_IsRefusedByTheBackendAsUnderpaid()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var booking = await gateway.Backend.CreateBookingAsync(await ReadyCartAsync(gateway, "200119"), None);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.CommitBookingAsync(booking, Pay(20.00m), None));

        Assert.Equal(CommerceErrorCodes.Underpaid, error.Code);
        Assert.Equal("INSUFFICIENT_PAYMENT", error.BackendCode);
        Assert.Equal(BookingStatus.Held, (await gateway.Backend.GetBookingAsync(booking, None)).Status);
    }

    [Fact]
    public async Task PurchaseBooking_OneOfTwoItemsAfterACommitThatPaidBoth_IsRefusedBeforeAnySeatIsReleased()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var booking = await gateway.Backend.CreateBookingAsync(await ReadyCartAsync(gateway, "200120", "200121"), None);
        Assert.False(string.IsNullOrEmpty(booking.Locator));
        booking = await gateway.Backend.CommitBookingAsync(booking, Pay(60.00m), None);
        Assert.Equal(BookingStatus.Committed, booking.Status);
        Assert.Null(booking.ExpiresAt);
        var kept = booking.Items.Single(i => i.SeatId == "200120");

        var refused = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.PurchaseBookingAsync(booking, [kept.Id], null, None));

        // The commit paid 60.00 for both seats and the protocol has no refund: releasing one would keep 30.00 for nothing.
        Assert.Equal((CommerceErrorCodes.InvalidInput, "itemIds"), (refused.Code, refused.Field));
        Assert.DoesNotContain(gateway.Faults.Sent, p => p.EndsWith("/order/purchaseBooking", StringComparison.Ordinal));
        var after = await gateway.Backend.GetBookingAsync(booking, None);
        Assert.Equal(BookingStatus.Committed, after.Status);
        Assert.Equal(2, after.Items.Count);
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.All(map.Seats.Where(s => s.Id is "200120" or "200121"), s => Assert.Equal(SeatStatus.Held, s.Status));

        var order = await gateway.Backend.PurchaseBookingAsync(booking, null, null, None);

        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(order.Total, order.AmountPaid);
        Assert.Equal(new Money(60.00m, Eur), order.AmountPaid);
    }

    [Fact]
    public async Task SubmitPayment_AboveTheTotal_IsRefusedAndNothingIsCommitted()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200129"), None);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.SubmitPaymentAsync(cart, Pay(30.01m), None));

        Assert.Equal((CommerceErrorCodes.InvalidInput, "payment.amount"), (error.Code, error.Field));
        Assert.DoesNotContain(gateway.Faults.Sent, p => p.EndsWith("/order/commitOrder", StringComparison.Ordinal));
        var paid = await gateway.Backend.SubmitPaymentAsync(cart, Pay(30.00m), None);
        Assert.Equal(paid.Order!.Total, paid.Order.AmountPaid);
    }

    [Fact]
    public async Task CommitBooking_AboveTheTotal_IsRefusedAndTheBookingStaysHeld()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var booking = await gateway.Backend.CreateBookingAsync(await ReadyCartAsync(gateway, "200130"), None);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.CommitBookingAsync(booking, Pay(45.00m), None));

        Assert.Equal((CommerceErrorCodes.InvalidInput, "payment.amount"), (error.Code, error.Field));
        Assert.DoesNotContain(gateway.Faults.Sent, p => p.EndsWith("/order/commitOrder", StringComparison.Ordinal));
        Assert.Equal(BookingStatus.Held, (await gateway.Backend.GetBookingAsync(booking, None)).Status);
    }

    [Fact]
    public async Task PurchaseBooking_EveryItemAfterAFullCommit_CommitsNothingMore()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var booking = await gateway.Backend.CreateBookingAsync(await ReadyCartAsync(gateway, "200124", "200125"), None);
        booking = await gateway.Backend.CommitBookingAsync(booking, Pay(60.00m), None);

        var order = await gateway.Backend.PurchaseBookingAsync(booking, null, null, None);
        var after = await gateway.Backend.GetBookingAsync(booking, None);

        Assert.Equal(new Money(60.00m, Eur), order.Total);
        Assert.Equal(new Money(60.00m, Eur), order.AmountPaid);
        Assert.Equal(new Money(60.00m, Eur), after.AmountPaid);
        Assert.Equal(BookingStatus.Purchased, after.Status);
        Assert.All(order.Lines, l => Assert.False(string.IsNullOrEmpty(l.TicketCode)));
    }

    [Fact]
    public async Task PurchaseBooking_RetriedAfterItWentThrough_ReturnsTheOrderWithoutCommittingAgain()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var booking = await gateway.Backend.CreateBookingAsync(await ReadyCartAsync(gateway, "200126"), None);
        booking = await gateway.Backend.CommitBookingAsync(booking, Pay(30.00m), None);
        var first = await gateway.Backend.PurchaseBookingAsync(booking, null, null, None);
        var commitsBefore = gateway.Faults.Sent.Count(p => p.EndsWith("/order/commitOrder", StringComparison.Ordinal));

        var again = await gateway.Backend.PurchaseBookingAsync(booking, null, null, None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(new Money(30.00m, Eur), again.AmountPaid);
        Assert.Equal(commitsBefore, gateway.Faults.Sent.Count(p => p.EndsWith("/order/commitOrder", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PurchaseBooking_LeftPendingByADeclinedCommit_IsCompletedByARetryOfTheSameItems_AndRefusedForOthers()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var booking = await gateway.Backend.CreateBookingAsync(await ReadyCartAsync(gateway, "200127", "200128"), None);
        booking = await gateway.Backend.CommitBookingAsync(booking, Pay(60.00m), None);
        var first = booking.Items.Single(i => i.SeatId == "200127").Id;
        gateway.Faults.FailNext("/order/commitOrder", "decline");

        var declined = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.PurchaseBookingAsync(booking, null, null, None));
        var pending = await gateway.Backend.GetBookingAsync(booking, None);
        var refused = await Assert.ThrowsAsync<BackendConflictException>(() => gateway.Backend.PurchaseBookingAsync(booking, [first], null, None));
        var order = await gateway.Backend.PurchaseBookingAsync(booking, null, null, None);

        Assert.Equal(CommerceErrorCodes.PaymentDeclined, declined.Code);
        Assert.Equal(BookingStatus.Committed, pending.Status);
        Assert.Contains(first, refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(new Money(60.00m, Eur), order.AmountPaid);
        Assert.Equal(order.Total, order.AmountPaid);
        Assert.Equal(BookingStatus.Purchased, (await gateway.Backend.GetBookingAsync(booking, None)).Status);
    }

    [Fact]
    public async Task PurchaseBooking_UncommittedBooking_IsRefusedAsAConflict()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var booking = await gateway.Backend.CreateBookingAsync(await ReadyCartAsync(gateway, "200122"), None);

        var error = await Assert.ThrowsAsync<BackendConflictException>(() => gateway.Backend.PurchaseBookingAsync(booking, null, Pay(30.00m), None));

        Assert.Equal("INVALID_ORDER_STATE", error.BackendCode);
    }

    [Fact]
    public async Task CreateBooking_ChannelWithoutBookings_IsRefused()
    {
        using var boxOffice = BookingGateway.Start(sandbox, clientId: "box-office", clientSecret: "box-office-secret");
        var cart = await ReadyCartAsync(boxOffice, "200123");

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => boxOffice.Backend.CreateBookingAsync(cart, None));

        Assert.Equal(CommerceErrorCodes.Rejected, error.Code);
        Assert.Equal("BOOKINGS_NOT_ENABLED", error.BackendCode);
        Assert.Equal(10, (await boxOffice.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200123")))!.ExpiresAt.Subtract(boxOffice.Time.GetUtcNow()).TotalMinutes, 0);
    }

    [Fact]
    public async Task AddLines_SoldOut_IsRefusedAsSoldOutAndHoldsNothing()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.NewCartAsync();
        gateway.Faults.FailNext("/shoppingCart/addBestSeats", "sold-out");

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.AddLinesAsync(cart, [new CartLineInput("1", 1, "2002")], None));

        Assert.Equal(CommerceErrorCodes.SoldOut, error.Code);
        Assert.Empty(await gateway.Store.GetHoldsAsync(cart.Id));
    }

    [Fact]
    public async Task GetEvents_Seeded_ListsTheSessionsWithTheirRates()
    {
        using var gateway = BookingGateway.Start(sandbox);

        var page = await gateway.Backend.GetEventsAsync(new CatalogQuery(Search: "winter"), None);

        var listing = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(["2001", "2002"], listing.Sessions.Select(s => s.Id));
        Assert.Equal([new Money(25.50m, Eur), new Money(15.50m, Eur)], listing.Sessions[1].Rates.Select(r => r.Price));
    }

    [Fact]
    public async Task GetSeatMap_Seeded_ShowsTheSoldSeats()
    {
        using var gateway = BookingGateway.Start(sandbox);

        var map = await gateway.Backend.GetSeatMapAsync("2001", None);

        Assert.Equal(32, map.Seats.Count);
        Assert.All(map.Seats.Where(s => s.Id is "200101" or "200102" or "200112"), s => Assert.Equal(SeatStatus.Sold, s.Status));
        Assert.Equal(["1", "2"], map.Seats[0].RateIds);
    }

    private static async Task<Cart> ReadyCartAsync(BookingGateway gateway, params string[] seatIds)
    {
        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [new CartLineInput("1", seatIds.Length, "2001", seatIds)], None);
        return await gateway.Backend.UpdateBuyerAsync(cart, new Buyer("ada@example.test", "Ada", "Lovelace", "+34600000000"), None);
    }

    private static PaymentInstruction Pay(decimal amount) => new(new Money(amount, Eur), null, "psp_tx_" + Guid.NewGuid().ToString("N"));
}
