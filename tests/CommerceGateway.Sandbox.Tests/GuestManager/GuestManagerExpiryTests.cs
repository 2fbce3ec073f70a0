using System.Net;
using CommerceGateway.Testing;
using static CommerceGateway.Sandbox.Tests.GuestManager.GuestManagerApi;

namespace CommerceGateway.Sandbox.Tests.GuestManager;

/// <summary>expires_at, expiry that releases inventory, and resume.</summary>
public sealed class GuestManagerExpiryTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Order_FifteenMinutesOld_ExpiresAndReleasesItsTickets()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.AtPaymentAsync((601, 2));

        sandbox.Clock.Advance(Hold - TimeSpan.FromSeconds(1));
        var before = (await api.GetAsync(Id(order))).Ok();
        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = (await api.GetAsync(Id(order))).Ok();
        var other = await api.CreateAsync((601, 2));
        var pay = await api.PayAsync(Id(order), "150");

        Assert.Equal("payment", State(before));
        Assert.Equal("expired", State(after));
        Assert.Equal(2, other.GetProperty("line_items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal("expired", pay.Error(HttpStatusCode.UnprocessableEntity, "checkout_not_allowed").GetProperty("detail").GetProperty("state").GetString());
        (await api.SendAsync(HttpMethod.Post, $"orders/{Id(order)}/line_items/add", new { variant_id = 101, quantity = 1 })).Error(HttpStatusCode.UnprocessableEntity, "cannot_modify");
    }

    [Fact]
    public async Task Resume_ExpiredOrderWithTicketsAvailable_ReReservesAndReturnsToItsStepWithANewHold()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.AtPaymentAsync((101, 2));
        sandbox.Clock.Advance(Hold);

        var resumed = (await api.SendAsync(HttpMethod.Patch, $"checkout/{order.GetProperty("number").GetString()}/resume")).Ok();
        (await api.PayAsync(Id(order), "50")).Ok();
        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("payment", State(resumed));
        Assert.Equal(sandbox.Clock.GetUtcNow() - TimeSpan.FromSeconds(2) + Hold, resumed.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal("complete", State((await api.GetAsync(Id(order))).Ok()));
        (await api.SendAsync(HttpMethod.Patch, $"checkout/{order.GetProperty("number").GetString()}/resume")).Error(HttpStatusCode.Conflict, "order_complete");
    }

    [Fact]
    public async Task Resume_TicketsTakenByAnotherOrderAfterExpiry_Is422SoldOutAndStaysExpired()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((601, 2));
        sandbox.Clock.Advance(Hold);
        await api.CreateAsync((601, 1));

        var resume = await api.SendAsync(HttpMethod.Patch, $"checkout/{order.GetProperty("number").GetString()}/resume");

        Assert.Equal(601, resume.Error(HttpStatusCode.UnprocessableEntity, "sold_out").GetProperty("detail").GetProperty("variant_ids")[0].GetInt64());
        Assert.Equal("expired", State((await api.GetAsync(Id(order))).Ok()));
    }

    [Fact]
    public async Task Resume_OrderThatHasNotExpired_ReturnsItUnchanged()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((101, 1));

        var resumed = (await api.SendAsync(HttpMethod.Patch, $"checkout/{Id(order)}/resume")).Ok();

        Assert.Equal("cart", State(resumed));
        Assert.Equal(order.GetProperty("expires_at").GetString(), resumed.GetProperty("expires_at").GetString());
    }

    [Fact]
    public async Task Processing_PastExpiresAt_IsNotExpiredMidPayment()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.AtPaymentAsync((101, 1));
        sandbox.Clock.Advance(Hold - TimeSpan.FromSeconds(1));
        (await api.PayAsync(Id(order), "25")).Ok();

        sandbox.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("complete", State((await api.GetAsync(Id(order))).Ok()));
    }
}
