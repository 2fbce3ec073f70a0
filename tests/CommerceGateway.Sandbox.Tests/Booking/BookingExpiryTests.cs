using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Booking;

public sealed class BookingExpiryTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    private static readonly TimeSpan BookingSweepInterval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Cart_TenMinutesWithoutActivity_IsDeletedAndItsSeatsReleasedByTheSweep()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();
        await api.PostAsync("shoppingCart/addSeats", ("token", cart), ("idSession", 2001), ("seats", 200113));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(10) + BookingSweepInterval);

        var swept = await api.AdminStateAsync();
        Assert.Equal(0, swept.GetProperty("carts").GetInt32());
        Assert.Equal(0, swept.GetProperty("lockedSeats").GetInt32());
        var (status, body) = await api.GetAsync($"shoppingCart/details?token={cart}");
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Equal("SHOPPING_CART_EXPIRED", body.GetProperty("code").GetString());
        Assert.Equal("FREE", await api.SeatStatusAsync(2001, 200113));
    }

    [Fact]
    public async Task Cart_ChangedWithinTenMinutes_KeepsItsSeatsLocked()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();
        await api.PostAsync("shoppingCart/addSeats", ("token", cart), ("idSession", 2001), ("seats", 200114));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(8));
        await api.PostAsync("shoppingCart/clientData", ("token", cart), ("email", "ada@example.test"));
        sandbox.Clock.Advance(TimeSpan.FromMinutes(8));

        Assert.Equal("LOCKED", await api.SeatStatusAsync(2001, 200114));
        var (status, _) = await api.GetAsync($"shoppingCart/details?token={cart}");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task CreateOrder_Booking_HoldsTheSeats45MinutesThenDeletesTheBooking()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2001, 200115);
        var (_, booking) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "BOOKING"));
        var code = booking.GetProperty("orderCode").GetString()!;
        Assert.Equal(sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(45), booking.GetProperty("expirationDate").GetDateTimeOffset());

        sandbox.Clock.Advance(TimeSpan.FromMinutes(44));
        var (heldStatus, _) = await api.GetAsync($"order/details?orderCode={code}");
        var heldSeat = await api.SeatStatusAsync(2001, 200115);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1) + BookingSweepInterval);

        Assert.Equal(HttpStatusCode.OK, heldStatus);
        Assert.Equal("LOCKED", heldSeat);
        Assert.Equal(0, (await api.AdminStateAsync()).GetProperty("pendingOrders").GetInt32());
        Assert.Equal("FREE", await api.SeatStatusAsync(2001, 200115));
        var (goneStatus, gone) = await api.PostAsync("order/commitOrder", ("orderCode", code), ("payments[0].amount", "30.00"));
        Assert.Equal(HttpStatusCode.Gone, goneStatus);
        Assert.Equal("ORDER_EXPIRED", gone.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CommitOrder_Booking_KeepsTheSeatsBookedPast45Minutes()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2001, 200116);
        var (_, booking) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "BOOKING"));
        await api.PostAsync("order/commitOrder", ("orderCode", booking.GetProperty("orderCode").GetString()!), ("payments[0].amount", "30.00"));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(50));

        using var fresh = await BookingApi.ConnectAsync(sandbox);
        Assert.Equal("BOOKED", await fresh.SeatStatusAsync(2001, 200116));
    }
}
