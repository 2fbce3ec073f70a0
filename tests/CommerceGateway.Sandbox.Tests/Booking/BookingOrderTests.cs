using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Booking;

public sealed class BookingOrderTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task CommitOrder_PaidBelowTheTotal_IsRefusedAndTheOrderStaysPending()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2001, 200103);
        var (_, order) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "PURCHASE"));
        var code = order.GetProperty("orderCode").GetString()!;

        var (status, body) = await api.PostAsync("order/commitOrder", ("orderCode", code), ("payments[0].amount", "29.99"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INSUFFICIENT_PAYMENT", body.GetProperty("code").GetString());
        var (_, details) = await api.GetAsync($"order/details?orderCode={code}");
        Assert.Equal("PENDING", details.GetProperty("status").GetString());
        Assert.Equal(30.00m, details.GetProperty("toBePaid").GetDecimal());
    }

    [Fact]
    public async Task CommitOrder_PurchasePaidInTwoPayments_SellsTheSeatsWithBarcodes()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2001, 200104, 200105);
        var (_, order) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "PURCHASE"));
        Assert.Equal(60.00m, order.GetProperty("priceBreakdown").GetProperty("finalPrice").GetDecimal());

        var (status, committed) = await api.PostAsync("order/commitOrder", ("orderCode", order.GetProperty("orderCode").GetString()!), ("payments[0].amount", "40.00"), ("payments[1].amount", "20.00"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("COMMITTED", committed.GetProperty("status").GetString());
        Assert.All(committed.GetProperty("orderItem").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("ticketData").GetProperty("barcode").GetString())));
        Assert.Equal("SOLD", await api.SeatStatusAsync(2001, 200104));
    }

    [Fact]
    public async Task CommitOrder_DeclineFault_IsRefusedAsDeclinedAndCanBePaidAgain()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2001, 200106);
        var (_, order) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "PURCHASE"));
        var code = order.GetProperty("orderCode").GetString()!;

        var (declined, body) = await api.PostWithFaultAsync("decline", "order/commitOrder", ("orderCode", code), ("payments[0].amount", "30.00"));
        var (retried, _) = await api.PostAsync("order/commitOrder", ("orderCode", code), ("payments[0].amount", "30.00"));

        Assert.Equal(HttpStatusCode.PaymentRequired, declined);
        Assert.Equal("PAYMENT_DECLINED", body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, retried);
    }

    [Fact]
    public async Task CreateOrder_WithoutClientData_IsRefused()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.NewCartAsync();
        await api.PostAsync("shoppingCart/addSeats", ("token", cart), ("idSession", 2001), ("seats", 200107));

        var (status, body) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "PURCHASE"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("CLIENT_DATA_REQUIRED", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task PurchaseBooking_OneOfTwoItemsThenCommit_SellsThatSeatAndReleasesTheOther()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2002, 200203, 200204);
        var (_, booking) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "BOOKING"));
        var code = booking.GetProperty("orderCode").GetString()!;
        Assert.False(string.IsNullOrEmpty(booking.GetProperty("locator").GetString()));
        var (committedStatus, committed) = await api.PostAsync("order/commitOrder", ("orderCode", code), ("payments[0].amount", "51.00"));
        Assert.Equal(HttpStatusCode.OK, committedStatus);
        Assert.Equal("BOOKING", committed.GetProperty("type").GetString());
        Assert.Equal("BOOKED", await api.SeatStatusAsync(2002, 200203));
        var kept = committed.GetProperty("orderItem").EnumerateArray().Single(i => i.GetProperty("ticketData").GetProperty("seat").GetProperty("id").GetInt64() == 200203);

        var (purchaseStatus, purchase) = await api.PostAsync("order/purchaseBooking", ("orderCode", code), ("items", kept.GetProperty("id").GetInt64()));
        var (closedStatus, closed) = await api.PostAsync("order/commitOrder", ("orderCode", code), ("payments[0].amount", "0"));

        Assert.Equal(HttpStatusCode.OK, purchaseStatus);
        Assert.Equal("PURCHASE", purchase.GetProperty("type").GetString());
        Assert.Equal("PENDING", purchase.GetProperty("status").GetString());
        Assert.Equal(0m, purchase.GetProperty("toBePaid").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, closedStatus);
        Assert.Equal("COMMITTED", closed.GetProperty("status").GetString());
        Assert.Equal("SOLD", await api.SeatStatusAsync(2002, 200203));
        Assert.Equal("FREE", await api.SeatStatusAsync(2002, 200204));
    }

    [Fact]
    public async Task PurchaseBooking_UncommittedBooking_IsRefused()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2002, 200205);
        var (_, booking) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "BOOKING"));

        var (status, body) = await api.PostAsync("order/purchaseBooking", ("orderCode", booking.GetProperty("orderCode").GetString()!), ("items", booking.GetProperty("orderItem")[0].GetProperty("id").GetInt64()));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("INVALID_ORDER_STATE", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateOrder_BookingOnChannelWithoutBookings_IsRefused()
    {
        using var boxOffice = await BookingApi.ConnectAsync(sandbox, "box-office", "box-office-secret");
        var cart = await boxOffice.ReadyCartAsync(2002, 200206);

        var (status, body) = await boxOffice.PostAsync("order/createOrder", ("token", cart), ("orderType", "BOOKING"));
        var (purchaseStatus, _) = await boxOffice.PostAsync("order/createOrder", ("token", cart), ("orderType", "PURCHASE"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("BOOKINGS_NOT_ENABLED", body.GetProperty("code").GetString());
        Assert.Contains("BOX", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, purchaseStatus);
    }
}

public sealed class BookingPromoterSettingTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task CreateOrder_BookingWhilePromoterDisabled_IsRefusedUntilEnabledAgain()
    {
        using var api = await BookingApi.ConnectAsync(sandbox);
        var cart = await api.ReadyCartAsync(2001, 200110);
        await api.SetBookingsAsync("promoters/501", enabled: false);

        var (refused, body) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "BOOKING"));
        await api.SetBookingsAsync("promoters/501", enabled: true);
        var (accepted, _) = await api.PostAsync("order/createOrder", ("token", cart), ("orderType", "BOOKING"));

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("promoter 501", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted);
    }
}
