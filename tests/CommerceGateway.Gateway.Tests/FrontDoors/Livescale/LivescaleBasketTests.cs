using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>Items, promotions and the order's hold on its basket; and every operation of the spec answered within it.</summary>
public sealed class LivescaleBasketTests(LivescaleFrontDoorFixture fixture) : IClassFixture<LivescaleFrontDoorFixture>
{
    [Fact]
    public async Task ItemsAndPromotions_ChangeTheBasketAsTheBackendPricesIt()
    {
        using var shop = await fixture.ShopperAsync("guestmanager-demo");
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var id = (await shop.OkAsync(HttpMethod.Post, "baskets", null, 201)).GetProperty("id").GetString();

        var added = await shop.OkAsync(HttpMethod.Post, $"baskets/{id}/items", new[] { new { id = "201", quantity = 1 } });
        var line = Assert.Single(added.GetProperty("items").EnumerateArray()).GetProperty("id").GetString();
        var more = await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/items/{line}", new { quantity = 3 });
        var discounted = await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/promotion", new { coupon = "SAVE10" });
        var undiscounted = await shop.OkAsync(HttpMethod.Delete, $"baskets/{id}/promotion/SAVE10");
        var removed = await shop.OkAsync(HttpMethod.Delete, $"baskets/{id}/items/{line}");
        var unknown = await shop.SendAsync(HttpMethod.Delete, $"baskets/{id}/items/{line}");

        Assert.Equal(20.00m, added.GetProperty("sub_total").GetDecimal());
        Assert.Equal(60.00m, more.GetProperty("sub_total").GetDecimal());
        Assert.Equal(6.00m, discounted.GetProperty("discounts_total").GetDecimal());
        Assert.Equal("SAVE10", Assert.Single(discounted.GetProperty("discounts").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(0m, undiscounted.GetProperty("discounts_total").GetDecimal());
        Assert.Equal(0, removed.GetProperty("items").GetArrayLength());
        Assert.Equal((404, "not_found"), (unknown.Status, unknown.Error));
    }

    [Fact]
    public async Task OrderedBasket_CannotChange_AndCannotBeOrderedTwice()
    {
        using var shop = await fixture.ShopperAsync("orderflow-demo");
        var basketId = (await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.OrderFlow)).GetProperty("id").GetString()!;
        await shop.OkAsync(HttpMethod.Post, "orders", new { basket_id = basketId }, 201);

        var change = await shop.SendAsync(HttpMethod.Post, $"baskets/{basketId}/items", new[] { new { id = "1234", quantity = 1 } });
        var second = await shop.SendAsync(HttpMethod.Post, "orders", new { basket_id = basketId });

        Assert.Equal((409, "basket_ordered"), (change.Status, change.Error));
        Assert.Equal((409, "basket_ordered"), (second.Status, second.Error));
    }

    [Fact]
    public async Task OrderOfAnIncompleteBasket_SaysWhatIsMissing()
    {
        using var shop = await fixture.ShopperAsync("orderflow-demo");
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var id = (await shop.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = "1234", quantity = 1 } }, 201)).GetProperty("id").GetString();

        var noMethod = await shop.SendAsync(HttpMethod.Post, "orders", new { basket_id = id });
        await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/payment_method", new { id = "LIVESCALE" });
        var noEmail = await shop.SendAsync(HttpMethod.Post, "orders", new { basket_id = id });
        var otherMethod = await shop.SendAsync(HttpMethod.Put, $"baskets/{id}/payment_method", new { id = "CARD" });

        Assert.Equal((422, "basket_incomplete"), (noMethod.Status, noMethod.Error));
        Assert.Contains("LIVESCALE", noMethod.Message, StringComparison.Ordinal);
        Assert.Equal((422, "basket_incomplete"), (noEmail.Status, noEmail.Error));
        Assert.Contains("buyer.email", noEmail.Message, StringComparison.Ordinal);
        Assert.Equal((422, "unsupported_payment_method"), (otherMethod.Status, otherMethod.Error));
    }

    [Fact]
    public async Task BadBodies_AreInvalidRequestErrors()
    {
        using var shop = await fixture.ShopperAsync("orderflow-demo");
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var id = (await shop.OkAsync(HttpMethod.Post, "baskets", null, 201)).GetProperty("id").GetString();

        var login = await shop.SendAsync(HttpMethod.Post, "customers/login", new { type = "registered" });
        var empty = await shop.SendAsync(HttpMethod.Post, $"baskets/{id}/items", Array.Empty<object>());
        var quantity = await shop.SendAsync(HttpMethod.Post, $"baskets/{id}/items", new[] { new { id = "1234", quantity = 0 } });
        var address = await shop.SendAsync(HttpMethod.Put, $"baskets/{id}/shipping_address", new { first_name = "Ada" });
        var email = await shop.SendAsync(HttpMethod.Put, $"baskets/{id}/customer", new { email = "not-an-email" });

        Assert.Equal((400, "unsupported_customer_type"), (login.Status, login.Error));
        Assert.Equal((400, "invalid_request"), (empty.Status, empty.Error));
        Assert.Equal((400, "invalid_quantity"), (quantity.Status, quantity.Error));
        Assert.Equal((400, "invalid_address"), (address.Status, address.Error));
        Assert.Equal((400, "invalid_input"), (email.Status, email.Error));
    }

    [Fact]
    public async Task EveryOperationOfTheSpec_IsServed_AndAnsweredWithinTheSpec()
    {
        using var catalog = await fixture.ShopperAsync("livescale-demo");
        await catalog.OkAsync(HttpMethod.Get, "catalogs");
        await catalog.OkAsync(HttpMethod.Get, "catalogs/livescale-demo/categories");
        await catalog.OkAsync(HttpMethod.Get, "catalogs/livescale-demo/categories/all/products");
        using var shop = await fixture.ShopperAsync("guestmanager-demo");
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var changing = (await shop.OkAsync(HttpMethod.Post, "baskets", null, 201)).GetProperty("id").GetString();
        var line = (await shop.OkAsync(HttpMethod.Post, $"baskets/{changing}/items", new[] { new { id = "201", quantity = 1 } })).GetProperty("items")[0].GetProperty("id").GetString();
        await shop.OkAsync(HttpMethod.Put, $"baskets/{changing}/items/{line}", new { quantity = 2 });
        await shop.OkAsync(HttpMethod.Put, $"baskets/{changing}/promotion", new { coupon = "FIVEOFF" });
        await shop.OkAsync(HttpMethod.Delete, $"baskets/{changing}/promotion/FIVEOFF");
        await shop.OkAsync(HttpMethod.Delete, $"baskets/{changing}/items/{line}");
        var id = (await LivescaleFlow.ReadyBasketAsync(shop, LivescaleChannelCase.GuestManager)).GetProperty("id").GetString();
        var order = await LivescaleFlow.AuthorizedOrderAsync(shop, id!, LivescaleFlow.NewTransaction());
        await shop.OkAsync(HttpMethod.Put, $"orders/{order.GetProperty("id").GetString()}", new { payment_status = "PAID" }, 201);

        Assert.Subset(fixture.Conformance.Operations.ToHashSet(), LivescaleSpec.Instance.Operations.ToHashSet());
        Assert.Equal(20, LivescaleSpec.Instance.Operations.Count);
    }

    [Theory]
    [InlineData("guestmanager-demo")]
    [InlineData("orderflow-demo")]
    public async Task ItemsChangedAfterTheAddresses_TheBasketStillOrdersAtItsNewTotal(string channelName)
    {
        var channel = LivescaleChannelCase.Of(channelName);
        using var shop = await fixture.ShopperAsync(channelName);
        var id = (await LivescaleFlow.ReadyBasketAsync(shop, channel)).GetProperty("id").GetString()!;

        var more = await shop.OkAsync(HttpMethod.Post, $"baskets/{id}/items", new[] { new { id = channel.Items[0].Sku, quantity = 1 } });
        var order = await shop.OkAsync(HttpMethod.Post, "orders", new { basket_id = id }, 201);

        Assert.Equal(more.GetProperty("total").GetDecimal(), order.GetProperty("total_invoiced").GetDecimal());
    }
}
