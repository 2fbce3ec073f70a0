using System.Net;
using System.Text.Json;
using CommerceGateway.Testing;
using static CommerceGateway.Sandbox.Tests.GuestManager.GuestManagerApi;

namespace CommerceGateway.Sandbox.Tests.GuestManager;

/// <summary>Orders with line items and guest data, line item add/remove and coupons.</summary>
public sealed class GuestManagerOrderTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    [Fact]
    public async Task CreateOrder_LinesAndGuest_Is201WithTotalsAsDecimalStringsAndAFifteenMinuteHold()
    {
        using var api = new GuestManagerApi(sandbox);

        var order = await api.CreateAsync((102, 1), (201, 2));

        Assert.Equal("cart", State(order));
        Assert.Matches("^R[0-9]{9}$", order.GetProperty("number").GetString());
        Assert.Equal("ada@example.test", order.GetProperty("email").GetString());
        Assert.Equal("93.5", order.GetProperty("total").GetString());
        Assert.Equal(9350, order.GetProperty("total_money").GetProperty("amount").GetInt64());
        Assert.Equal("53.5", order.GetProperty("line_items")[0].GetProperty("price").GetProperty("decimal").GetString());
        Assert.Equal(sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), order.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Single(order.GetProperty("tickets").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(order.GetProperty("guest_token").GetString()));
        Assert.Contains("/checkout/", order.GetProperty("links").GetProperty("checkout").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineItemsAddAndRemove_ScarceTicket_TakeAndGiveBackInventory()
    {
        using var api = new GuestManagerApi(sandbox);
        var first = await api.CreateAsync();
        var second = await api.CreateAsync();

        var added = await api.SendAsync(HttpMethod.Post, $"orders/{Id(first)}/line_items/add", new { variant_id = 601, quantity = 2 });
        var refused = await api.SendAsync(HttpMethod.Post, $"orders/{Id(second)}/line_items/add", new { variant_id = 601, quantity = 1 });
        var removed = await api.SendAsync(HttpMethod.Post, $"orders/{Id(first)}/line_items/remove", new { line_item = new { variant_id = 601, quantity = 1 } });
        var taken = await api.SendAsync(HttpMethod.Post, $"orders/{Id(second)}/line_items/add", new { variant_id = 601, quantity = 1 });

        Assert.Equal(2, added.Ok().GetProperty("tickets").GetArrayLength());
        refused.Error(HttpStatusCode.UnprocessableEntity, "sold_out");
        Assert.Equal(601, refused.Body.GetProperty("detail").GetProperty("variant_ids")[0].GetInt64());
        Assert.Equal(1, removed.Ok().GetProperty("line_items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal("75", taken.Ok().GetProperty("total").GetString());
    }

    [Theory]
    [InlineData(301, "requested")]
    [InlineData(401, "reserved")]
    public async Task LineItemsAdd_SoldOutOrOffSaleItemThatAllowsIt_IsARequestedOrReservedLine(long variant, string status)
    {
        using var api = new GuestManagerApi(sandbox);

        var order = await api.CreateAsync((variant, 1));

        Assert.Equal(status, order.GetProperty("line_items")[0].GetProperty("status").GetString());
        Assert.Equal(status, Steps(order)[^1]);
        Assert.DoesNotContain("payment", Steps(order));
    }

    [Fact]
    public async Task CreateOrder_OffSaleItemThatCannotBeReserved_Is422OffSaleAndCreatesNothing()
    {
        using var api = new GuestManagerApi(sandbox);

        var response = await api.SendAsync(HttpMethod.Post, "orders", new { order = new { line_items = new[] { new { variant_id = 701, quantity = 1 } } } });

        response.Error(HttpStatusCode.UnprocessableEntity, "off_sale");
    }

    [Fact]
    public async Task UpdateOrder_AllLineItems_ReplacesTheLinesAndSendsACheckoutBackToCart()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((101, 1));
        (await api.NextAsync(Id(order))).Ok();

        var updated = (await api.SendAsync(HttpMethod.Patch, $"orders/{Id(order)}", new { order = new { line_items = new[] { new { variant_id = 201, quantity = 3 } } } })).Ok();

        Assert.Equal("cart", State(updated));
        var line = Assert.Single(updated.GetProperty("line_items").EnumerateArray());
        Assert.Equal(201, line.GetProperty("variant_id").GetInt64());
        Assert.Equal("60", updated.GetProperty("total").GetString());
    }

    [Fact]
    public async Task ApplyCouponCode_KnownAndUnknownCodes_DiscountsOrIs422OnCouponCode()
    {
        using var api = new GuestManagerApi(sandbox);
        var order = await api.CreateAsync((101, 2));

        var applied = (await api.SendAsync(HttpMethod.Patch, $"orders/{Id(order)}/apply_coupon_code", new { coupon_code = "save10" })).Ok();
        var unknown = await api.SendAsync(HttpMethod.Patch, $"orders/{Id(order)}/apply_coupon_code", new { coupon_code = "NOPE" });

        Assert.Equal("-5", applied.GetProperty("promo_total").GetString());
        Assert.Equal("45", applied.GetProperty("total").GetString());
        Assert.Equal(["SAVE10"], applied.GetProperty("coupon_codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([("coupon_code", "invalid")], unknown.Attributes());
    }

    [Fact]
    public async Task CreateOrder_InvalidEmail_Is422WithTheAttribute()
    {
        using var api = new GuestManagerApi(sandbox);

        var response = await api.SendAsync(HttpMethod.Post, "orders", new { order = new { email = "not-an-email" } });

        Assert.Equal([("email", "invalid")], response.Attributes());
    }

    [Fact]
    public async Task GetOrder_Unknown_Is404NotFound()
    {
        using var api = new GuestManagerApi(sandbox);

        (await api.GetAsync(42)).Error(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AnyCall_BodyThatIsNotJson_Is400()
    {
        using var client = new HttpClient { BaseAddress = new Uri(sandbox.ProtocolUrl("guestmanager"), "api/public/v2/") };
        client.DefaultRequestHeaders.Authorization = new("Token", Key);

        using var response = await client.PostAsync(new Uri("orders", UriKind.Relative), new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
    }
}
