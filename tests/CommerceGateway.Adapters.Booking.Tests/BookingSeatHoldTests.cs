using CommerceGateway.Adapters.OneBox.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OneBox.Tests;

/// <summary>Seats the backend locks are mirrored in the gateway's seat-hold store. Chosen seats use session 2001, best seats 2002.</summary>
public sealed class BookingSeatHoldTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AddLines_SeatHeldForACartOnAnotherReplica_IsRefusedBeforeTheBackendIsCalled()
    {
        using var first = BookingGateway.Start(sandbox);
        using var second = first.Replica(sandbox);
        var holder = await first.Backend.AddLinesAsync(await first.NewCartAsync(), [Seats("200103")], None);
        var other = await second.NewCartAsync();
        var sentBefore = second.Faults.Sent.Count;

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => second.Backend.AddLinesAsync(other, [Seats("200103", "200104")], None));

        Assert.Equal(CommerceErrorCodes.SeatTaken, error.Code);
        Assert.Contains("200103", error.Message, StringComparison.Ordinal);
        Assert.Equal(sentBefore, second.Faults.Sent.Count);
        Assert.Equal(holder.Id, (await first.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200103")))!.Holder);
        Assert.Null(await first.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200104")));
    }

    [Fact]
    public async Task AddLines_SeatLockedAtTheBackendByAnotherSystem_IsRefusedAndLeavesNoHold()
    {
        using var outsider = BookingGateway.Start(sandbox);
        using var gateway = BookingGateway.Start(sandbox);
        await outsider.Backend.AddLinesAsync(await outsider.NewCartAsync(), [Seats("200105")], None);
        var cart = await gateway.NewCartAsync();

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => gateway.Backend.AddLinesAsync(cart, [Seats("200106", "200105")], None));

        Assert.Equal(CommerceErrorCodes.SeatTaken, error.Code);
        Assert.Equal("SEAT_NOT_AVAILABLE", error.BackendCode);
        Assert.Contains("200105", error.Message, StringComparison.Ordinal);
        Assert.Empty(await gateway.Store.GetHoldsAsync(cart.Id));
    }

    [Fact]
    public async Task AddLines_ChosenSeats_AreHeldInTheStoreUntilTheLinesDeadline()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var before = gateway.Time.GetUtcNow();

        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seats("200107", "200108")], None);

        var line = Assert.Single(cart.Lines);
        Assert.Equal("2001:1", line.Id);
        Assert.Equal(60.00m, line.Total.Amount);
        Assert.Equal(["200107", "200108"], line.Seats.Select(s => s.SeatId));
        Assert.Equal("Row A, Seat 7", line.Seats[0].Label);
        var hold = await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", "200107"));
        Assert.NotNull(hold);
        Assert.Equal(cart.Id, hold.Holder);
        Assert.Equal(hold.ExpiresAt, line.ExpiresAt);
        Assert.Equal(hold.ExpiresAt, line.Seats[0].ExpiresAt);
        Assert.InRange(hold.ExpiresAt - before, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AddLines_BestSeats_AreChosenByTheBackendAndHeldInTheStore()
    {
        using var gateway = BookingGateway.Start(sandbox);

        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [new CartLineInput("2", 2, SessionId: "2002")], None);

        var line = Assert.Single(cart.Lines);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(new Money(15.50m, CurrencyCode.Parse("EUR")), line.UnitPrice);
        var holds = await gateway.Store.GetHoldsAsync(cart.Id);
        Assert.Equal(line.Seats.Select(s => BookingGateway.SeatKey("2002", s.SeatId)).Order(StringComparer.Ordinal), holds.Select(h => h.SeatId));
    }

    [Fact]
    public async Task UpdateLines_LowerQuantity_ReleasesTheSeatAtTheBackendAndInTheStore()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seats("200109", "200110")], None);

        cart = await gateway.Backend.UpdateLinesAsync(cart, [new CartLineUpdate(cart.Lines[0].Id, 1)], None);

        var kept = Assert.Single(Assert.Single(cart.Lines).Seats);
        var released = kept.SeatId == "200109" ? "200110" : "200109";
        Assert.Null(await gateway.Store.GetSeatAsync(BookingGateway.SeatKey("2001", released)));
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.Equal(SeatStatus.Available, map.Seats.Single(s => s.Id == released).Status);
        Assert.Equal(SeatStatus.Held, map.Seats.Single(s => s.Id == kept.SeatId).Status);
    }

    [Fact]
    public async Task RemoveLines_OnlyLine_FreesItsSeatsEverywhere()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seats("200111")], None);

        cart = await gateway.Backend.RemoveLinesAsync(cart, [cart.Lines[0].Id], None);

        Assert.Empty(cart.Lines);
        Assert.Empty(await gateway.Store.GetHoldsAsync(cart.Id));
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.Equal(SeatStatus.Available, map.Seats.Single(s => s.Id == "200111").Status);
    }

    [Fact]
    public async Task ReleaseCart_LiveCart_GivesBackItsSeatsAtTheBackendAndInTheStore()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.Backend.AddLinesAsync(await gateway.NewCartAsync(), [Seats("200113", "200114")], None);

        cart = await gateway.Backend.ReleaseCartAsync(cart, None);

        Assert.Empty(cart.Lines);
        Assert.Null(cart.ExpiresAt);
        Assert.Empty(await gateway.Store.GetHoldsAsync(cart.Id));
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.All(map.Seats.Where(s => s.Id is "200113" or "200114"), s => Assert.Equal(SeatStatus.Available, s.Status));
    }

    [Fact]
    public async Task AddLines_SecondLineRefused_GivesBackTheFirstLinesSeats()
    {
        using var gateway = BookingGateway.Start(sandbox);
        var cart = await gateway.NewCartAsync();

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() =>
            gateway.Backend.AddLinesAsync(cart, [Seats("200115"), Seats("200112")], None));

        Assert.Equal(CommerceErrorCodes.SeatTaken, error.Code);
        Assert.Empty(await gateway.Store.GetHoldsAsync(cart.Id));
        var map = await gateway.Backend.GetSeatMapAsync("2001", None);
        Assert.Equal(SeatStatus.Available, map.Seats.Single(s => s.Id == "200115").Status);
        Assert.Equal(SeatStatus.Sold, map.Seats.Single(s => s.Id == "200112").Status);
    }

    private static CartLineInput Seats(params string[] seatIds) => new("1", seatIds.Length, "2001", seatIds);
}
