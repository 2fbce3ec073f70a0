using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Booking;

public sealed class BookingCartTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task AddSeats_SeatInAnotherCart_IsRefusedNamingTheSeat()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var first = await api.NewCartAsync();
        var second = await api.NewCartAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("shoppingCart/addSeats", ("token", first), ("idSession", 2001), ("seats", 200120))).Status);

        var (status, body) = await api.PostAsync("shoppingCart/addSeats", ("token", second), ("idSession", 2001), ("seats", 200121), ("seats", 200120));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("SEAT_NOT_AVAILABLE", body.GetProperty("code").GetString());
        Assert.Contains("200120", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FREE", await api.SeatStatusAsync(2001, 200121));
    }

    [Fact]
    public async Task AddSeats_SoldSeat_IsRefused()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();

        var (status, body) = await api.PostAsync("shoppingCart/addSeats", ("token", cart), ("idSession", 2001), ("seats", 200101));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("SEAT_NOT_AVAILABLE", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AddBestSeats_TwoSeats_LocksAdjacentSeatsAtTheRatePrice()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();

        var (status, body) = await api.PostAsync("shoppingCart/addBestSeats", ("token", cart), ("idSession", 2002), ("numSeats", 2), ("idRate", 2));

        Assert.Equal(HttpStatusCode.OK, status);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var numbers = items.Select(i => i.GetProperty("seat").GetProperty("number").GetInt32()).Order().ToList();
        Assert.Equal(numbers[0] + 1, numbers[1]);
        Assert.Single(items.Select(i => i.GetProperty("seat").GetProperty("row").GetString()).Distinct());
        Assert.Equal(31.00m, body.GetProperty("price").GetProperty("total").GetDecimal());
        Assert.Equal("LOCKED", await api.SeatStatusAsync(2002, items[0].GetProperty("seat").GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task AddBestSeats_SoldOutFault_IsRefusedAsSoldOut()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();

        var (status, body) = await api.PostWithFaultAsync("sold-out", "shoppingCart/addBestSeats", ("token", cart), ("idSession", 2002), ("numSeats", 1));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("SOLD_OUT", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ReleaseItems_OneOfTwoSeats_FreesOnlyThatSeat()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();
        var (_, added) = await api.PostAsync("shoppingCart/addSeats", ("token", cart), ("idSession", 2001), ("seats", 200125), ("seats", 200126));
        var released = added.GetProperty("items")[0];

        var (status, body) = await api.PostAsync("shoppingCart/releaseItems", ("token", cart), ("items", released.GetProperty("id").GetInt64()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("items").GetArrayLength());
        Assert.Equal("FREE", await api.SeatStatusAsync(2001, released.GetProperty("seat").GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task ReleaseAllItems_CartWithSeats_FreesEverySeat()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();
        await api.PostAsync("shoppingCart/addSeats", ("token", cart), ("idSession", 2001), ("seats", 200127), ("seats", 200128));

        var (status, body) = await api.PostAsync("shoppingCart/releaseAllItems", ("token", cart));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.Equal("FREE", await api.SeatStatusAsync(2001, 200127));
        Assert.Equal("FREE", await api.SeatStatusAsync(2001, 200128));
    }

    [Fact]
    public async Task Details_AfterClientDataAndDelivery_ShowsThemWithTheDeliveryCostInTheTotal()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2001, 200129);
        await api.PostAsync("shoppingCart/delivery", ("token", cart), ("type", "PRINT_AT_HOME"), ("orderDeliveryCost", "1.50"));

        var (status, body) = await api.GetAsync($"shoppingCart/details?token={cart}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ada@example.test", body.GetProperty("clientData").GetProperty("email").GetString());
        Assert.Equal("PRINT_AT_HOME", body.GetProperty("delivery").GetProperty("type").GetString());
        Assert.Equal(31.50m, body.GetProperty("price").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Details_CartOfAnotherChannel_IsNotFound()
    {
        using var web = await BookingApi.ConnectAsync(sandbox);
        using var boxOffice = await BookingApi.ConnectAsync(sandbox, "box-office", "box-office-secret");
        var cart = await web.NewCartAsync();

        var (status, body) = await boxOffice.GetAsync($"shoppingCart/details?token={cart}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("SHOPPING_CART_NOT_FOUND", body.GetProperty("code").GetString());
    }
}
