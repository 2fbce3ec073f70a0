using CommerceGateway.Adapters.OneBox.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OneBox.Tests;

/// <summary>
/// Hold deadlines with time moved: the sandbox and the gateway's store run on the same fake clock,
/// so the backend's lock and the store's hold lapse together.
/// </summary>
public sealed class BookingExpiryTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    // The sandbox sweeps every 15 seconds; moving a little past a deadline lets the sweep run.
    private static readonly TimeSpan PastTheSweep = TimeSpan.FromSeconds(16);

    [Fact]
    public async Task AddLines_TenMinutesWithoutActivity_HoldLapsesInTheStoreAndAtTheBackend()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seat("200103")], None);
        var deadline = sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(10);
        Assert.Equal(deadline, cart.Lines[0].ExpiresAt);
        Assert.Equal(deadline, (await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200103")))!.ExpiresAt);

        sandbox.Clock.Advance(TimeSpan.FromMinutes(10) + PastTheSweep);

        Assert.Null(await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200103")));
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.Equal(SeatStatus.Available, map.Seats.Single(s => s.Id == "200103").Status);
        var released = await gateway.Backend.ReleaseCartAsync(cart, None);
        Assert.Empty(released.Lines);
        Assert.Equal(CheckoutStatus.Expired, released.Checkout.Status);
    }

    [Fact]
    public async Task UpdateBuyer_WithinTenMinutes_MovesTheDeadlineAtTheBackendAndInTheStore()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seat("200104")], None);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(8));

        cart = await gateway.Backend.UpdateBuyerAsync(cart, new Buyer("ada@example.test", "Ada", "Lovelace"), None);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(8));

        Assert.Equal(sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), cart.Lines[0].ExpiresAt);
        var hold = await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200104"));
        Assert.Equal(cart.Lines[0].ExpiresAt, hold?.ExpiresAt);
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.Equal(SeatStatus.Held, map.Seats.Single(s => s.Id == "200104").Status);
    }

    [Fact]
    public async Task CreateBooking_NotCommittedIn45Minutes_ExpiresInTheStoreAndAtTheBackend()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await ReadyCartAsync(gateway, "200105");

        var booking = await gateway.Backend.CreateBookingAsync(cart, None);

        var deadline = sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(45);
        Assert.Equal(BookingStatus.Held, booking.Status);
        Assert.Equal(deadline, booking.ExpiresAt);
        Assert.Equal(deadline, (await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200105")))!.ExpiresAt);

        sandbox.Clock.Advance(TimeSpan.FromMinutes(44));
        Assert.Equal(BookingStatus.Held, (await gateway.Backend.GetBookingAsync(booking, None)).Status);
        Assert.NotNull(await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200105")));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(1) + PastTheSweep);
        Assert.Null(await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200105")));
        Assert.Equal(BookingStatus.Expired, (await gateway.Backend.GetBookingAsync(booking, None)).Status);
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.Equal(SeatStatus.Available, map.Seats.Single(s => s.Id == "200105").Status);
        var late = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.CommitBookingAsync(booking, Pay(30.00m), None));
        Assert.Equal(CommerceErrorCodes.HoldExpired, late.Code);
    }

    [Fact]
    public async Task SubmitPayment_Declined_KeepsTheSeatsFor45MinutesForAnotherAttempt()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200106"), None);
        gateway.Faults.FailNext("/order/commitOrder", "decline");

        var declined = await gateway.Backend.SubmitPaymentAsync(cart, Pay(30.00m), None);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(30));
        var retried = await gateway.Backend.SubmitPaymentAsync(declined.Cart, Pay(30.00m), None);

        Assert.Equal(PaymentStatus.Failed, declined.Status);
        Assert.Equal(CheckoutStatus.PaymentFailed, declined.Cart.Checkout.Status);
        Assert.Equal(sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), declined.Cart.Lines[0].ExpiresAt);
        Assert.Equal(PaymentStatus.Paid, retried.Status);
        Assert.Null(await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200106")));
    }

    [Fact]
    public async Task ResumeCheckout_AfterTheTenMinutesWithTheSeatStillFree_HoldsTheSameSeatAgainAndPaysItsTotalOnce()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200107"), None);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(10) + PastTheSweep);
        var lapsed = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.SubmitPaymentAsync(cart, Pay(30.00m), None));
        var expired = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Expired } };

        var resumed = await gateway.Backend.ResumeCheckoutAsync(expired, CheckoutResumeOptions.Default, None);

        Assert.Equal(CommerceErrorCodes.HoldExpired, lapsed.Code);
        Assert.Equal(["200107"], resumed.Lines.SelectMany(l => l.Seats).Select(s => s.SeatId));
        Assert.Equal((CheckoutStatus.Open, CheckoutStepKind.Payment), (resumed.Checkout.Status, resumed.Checkout.Current));
        Assert.NotEqual(cart.Backend.Get("token"), resumed.Backend.Get("token"));
        var deadline = sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(10);
        Assert.Equal(deadline, resumed.Lines[0].ExpiresAt);
        var hold = await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200107"));
        Assert.Equal((cart.Id, deadline), (hold?.Holder, hold?.ExpiresAt));
        Assert.Equal(new Money(30.00m, Eur), resumed.Totals.Total);
        var paid = await gateway.Backend.SubmitPaymentAsync(resumed, Pay(resumed.Totals.Total.Amount), None);
        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal((resumed.Totals.Total, resumed.Totals.Total), (paid.Order!.Total, paid.Order.AmountPaid));
        Assert.Equal(SeatStatus.Sold, (await gateway.Backend.GetSeatMapAsync("2001", None)).Seats.Single(s => s.Id == "200107").Status);
    }

    [Fact]
    public async Task ResumeCheckout_SeatTakenByAnotherCartMeanwhile_IsSoldOutWithoutAlternatives_AndHoldsTheBestSeatOfTheSameRateWithThem()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200108"), None);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(10) + PastTheSweep);
        var other = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seat("200108")], None);
        var expired = cart with { Checkout = cart.Checkout with { Status = CheckoutStatus.Expired } };

        var soldOut = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.ResumeCheckoutAsync(expired, CheckoutResumeOptions.Default, None));
        var holdsAfterSoldOut = await gateway.Store.GetHoldsAsync(cart.Id);
        var resumed = await gateway.Backend.ResumeCheckoutAsync(expired, new CheckoutResumeOptions(AllowAlternativeSeats: true), None);

        Assert.Equal(CommerceErrorCodes.SoldOut, soldOut.Code);
        Assert.Contains("200108", soldOut.Message, StringComparison.Ordinal);
        Assert.Empty(holdsAfterSoldOut);
        Assert.Equal(other.Id, (await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200108")))?.Holder);
        var line = Assert.Single(resumed.Lines);
        var seat = Assert.Single(line.Seats);
        Assert.NotEqual("200108", seat.SeatId);
        Assert.Equal(("2001:1", "1", new Money(30.00m, Eur)), (line.Id, line.MerchandiseId, line.UnitPrice));
        Assert.Equal(cart.Id, (await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", seat.SeatId)))?.Holder);
        var paid = await gateway.Backend.SubmitPaymentAsync(resumed, Pay(resumed.Totals.Total.Amount), None);
        Assert.Equal((PaymentStatus.Paid, resumed.Totals.Total), (paid.Status, paid.Order!.AmountPaid));
        Assert.Equal(paid.Order.Total, paid.Order.AmountPaid);
        Assert.Equal(SeatStatus.Sold, (await gateway.Backend.GetSeatMapAsync("2001", None)).Seats.Single(s => s.Id == seat.SeatId).Status);
    }

    [Fact]
    public async Task ResumeCheckout_AfterADeclinedPaymentWhoseOrderLapsed_HoldsAgainAndTheNextPaymentChargesOnce()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200109"), None);
        gateway.Faults.FailNext("/order/commitOrder", "decline");
        var declined = await gateway.Backend.SubmitPaymentAsync(cart, Pay(30.00m), None);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(45) + PastTheSweep);
        var lapsed = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.SubmitPaymentAsync(declined.Cart, Pay(30.00m), None));

        var resumed = await gateway.Backend.ResumeCheckoutAsync(declined.Cart, CheckoutResumeOptions.Default, None);
        var paid = await gateway.Backend.SubmitPaymentAsync(resumed, Pay(resumed.Totals.Total.Amount), None);

        Assert.Equal(PaymentStatus.Failed, declined.Status);
        Assert.Equal(CommerceErrorCodes.HoldExpired, lapsed.Code);
        Assert.Null(resumed.Backend.Get("orderCode"));
        Assert.Equal(CheckoutStatus.Open, resumed.Checkout.Status);
        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.NotEqual(declined.Cart.Backend.Get("orderCode"), paid.Order!.Id);
        Assert.Equal((paid.Order.Total, new Money(30.00m, Eur)), (paid.Order.AmountPaid, paid.Order.Total));
        Assert.Equal(2, gateway.Faults.Sent.Count(p => p.EndsWith("/order/createOrder", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ResumeCheckout_OfAPaidCart_IsInvalidStepAndHoldsNothingAgain()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.BeginCheckoutAsync(await ReadyCartAsync(gateway, "200110"), None);
        var paid = await gateway.Backend.SubmitPaymentAsync(cart, Pay(30.00m), None);
        var createsBefore = gateway.Faults.Sent.Count(p => p.EndsWith("/shoppingCart/create", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.ResumeCheckoutAsync(paid.Cart, CheckoutResumeOptions.Default, None));

        Assert.Equal(CommerceErrorCodes.InvalidStep, refused.Code);
        Assert.Equal(createsBefore, gateway.Faults.Sent.Count(p => p.EndsWith("/shoppingCart/create", StringComparison.Ordinal)));
        Assert.Empty(await gateway.Store.GetHoldsAsync(cart.Id));
    }

    private static async Task<Cart> ReadyCartAsync(BookingGateway gateway, string seatId)
    {
        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seat(seatId)], None);
        return await gateway.Backend.UpdateBuyerAsync(cart, new Buyer("ada@example.test", "Ada", "Lovelace"), None);
    }

    private static CartLineInput Seat(string seatId) => new("1", 1, "2001", [seatId]);

    private static PaymentInstruction Pay(decimal amount) => new(new Money(amount, Eur), null, "psp_tx_" + Guid.NewGuid().ToString("N"));
}
