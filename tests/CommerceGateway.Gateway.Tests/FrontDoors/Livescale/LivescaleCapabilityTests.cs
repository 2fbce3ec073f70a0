namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>What a channel's protocol cannot do is the error model naming the channel and the capability; what it can do works.</summary>
public sealed class LivescaleCapabilityTests(LivescaleFrontDoorFixture fixture) : IClassFixture<LivescaleFrontDoorFixture>
{
    [Theory]
    [InlineData("example-demo", "PUT", "shipping_address", "Shipping")]
    [InlineData("example-demo", "GET", "shipping_methods", "Shipping")]
    [InlineData("orderflow-demo", "PUT", "promotion", "DiscountCodes")]
    public async Task BasketCallTheChannelCannotServe_IsNotSupportedNamingTheChannelAndTheCapability(string channel, string method, string call, string capability)
    {
        using var shop = await fixture.ShopperAsync(channel);
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var sku = LivescaleChannelCase.Of(channel).Items[0].Sku;
        var id = (await shop.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = sku, quantity = 1 } }, 201)).GetProperty("id").GetString();
        object? body = call == "promotion" ? new { coupon = "SAVE10" } : method == "PUT" ? LivescaleFlow.Address : null;

        var refused = await shop.SendAsync(new HttpMethod(method), $"baskets/{id}/{call}", body);

        Assert.Equal((422, "not_supported"), (refused.Status, refused.Error));
        Assert.Contains($"'{channel}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(capability, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentMethodsOfATokenOnlyChannel_WithoutPspReferenceToken_AreNotSupportedNamingTheChannelAndTheSetting()
    {
        using var host = new CommerceGateway.Gateway.Tests.GraphQL.CommerceGatewayHost(fixture.Sandbox, settings: new Dictionary<string, string?>
        {
            ["LivescaleFrontDoor:Channels:example-demo:PspReference"] = "TransactionId",
        });
        host.App.CreateHttpClient().Dispose(); // starts the server, whose address the shoppers need
        using var anonymous = new LivescaleShopper(host.App.BaseUrl, "example-demo", fixture.Conformance, null);
        var token = (await anonymous.RequestTokenAsync(Identity.DemoClients.LivescaleId, Identity.DemoClients.LivescaleSecret)).Body.GetProperty("access_token").GetString();
        using var shop = new LivescaleShopper(host.App.BaseUrl, "example-demo", fixture.Conformance, token);
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var sku = LivescaleChannelCase.Of("example-demo").Items[0].Sku;
        var id = (await shop.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = sku, quantity = 1 } }, 201)).GetProperty("id").GetString();

        var methods = await shop.SendAsync(HttpMethod.Get, $"baskets/{id}/payment_methods");
        var choice = await shop.SendAsync(HttpMethod.Put, $"baskets/{id}/payment_method", new { id = "LIVESCALE" });

        foreach (var refused in new[] { methods, choice })
        {
            Assert.Equal((422, "not_supported"), (refused.Status, refused.Error));
            Assert.Contains("'example-demo'", refused.Message, StringComparison.Ordinal);
            Assert.Contains("LivescaleFrontDoor:Channels:example-demo:PspReference", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("catalogs")]
    [InlineData("catalogs/orderflow-demo/categories/all/products")]
    public async Task CatalogOfAChannelWithoutOne_IsNotSupportedNamingTheProductCatalogCapability(string path)
    {
        using var shop = await fixture.ShopperAsync("orderflow-demo");

        var refused = await shop.SendAsync(HttpMethod.Get, path);

        Assert.Equal((422, "not_supported"), (refused.Status, refused.Error));
        Assert.Contains("'orderflow-demo'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ProductCatalog", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelCatalog_ListsItsProductsWhoseSkusGoIntoABasket()
    {
        using var shop = await fixture.ShopperAsync("livescale-demo");

        var catalogs = await shop.OkAsync(HttpMethod.Get, "catalogs");
        var catalog = Assert.Single(catalogs.EnumerateArray()).GetProperty("id").GetString();
        var category = Assert.Single((await shop.OkAsync(HttpMethod.Get, $"catalogs/{catalog}/categories")).EnumerateArray()).GetProperty("id").GetString();
        var products = await shop.OkAsync(HttpMethod.Get, $"catalogs/{catalog}/categories/{category}/products?offset=0&limit=100");
        var variant = products.EnumerateArray().SelectMany(p => p.GetProperty("variants").EnumerateArray()).First();
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var sku = variant.GetProperty("sku").GetString();
        var basket = await shop.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = sku, quantity = 2 } }, 201);

        Assert.True(products.GetArrayLength() >= 2);
        var item = Assert.Single(basket.GetProperty("items").EnumerateArray());
        Assert.Equal(sku, item.GetProperty("sku").GetString());
        Assert.Equal(variant.GetProperty("price").GetProperty("amount").GetDecimal() * 2, basket.GetProperty("sub_total").GetDecimal());
    }

    [Theory]
    [InlineData("offset=-1", "invalid_offset")]
    [InlineData("limit=0", "invalid_limit")]
    [InlineData("limit=101", "invalid_limit")]
    public async Task BadPaging_IsA400(string query, string error)
    {
        using var shop = await fixture.ShopperAsync("livescale-demo");

        var refused = await shop.SendAsync(HttpMethod.Get, "catalogs/livescale-demo/categories/all/products?" + query);

        Assert.Equal((400, error), (refused.Status, refused.Error));
    }

    [Fact]
    public async Task UnknownCatalogOrCategory_IsNotFound()
    {
        using var shop = await fixture.ShopperAsync("livescale-demo");

        var catalog = await shop.SendAsync(HttpMethod.Get, "catalogs/other/categories");
        var category = await shop.SendAsync(HttpMethod.Get, "catalogs/livescale-demo/categories/other/products");

        Assert.Equal(404, catalog.Status);
        Assert.Equal(404, category.Status);
    }
}
