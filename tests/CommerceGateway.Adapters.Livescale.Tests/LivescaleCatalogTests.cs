using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Livescale.Tests;

/// <summary>Catalog browsing for the unified catalog: catalogs, categories, products with offset/limit paging.</summary>
public sealed class LivescaleCatalogTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static CancellationToken Ct => LivescaleTestBackend.Bounded;

    [Fact]
    public async Task GetProducts_DefaultCategory_PagesWithOffsetAndLimit()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        var first = await channel.Backend.GetProductsAsync(new CatalogQuery(Offset: 0, Limit: 2), Ct);
        var second = await channel.Backend.GetProductsAsync(new CatalogQuery(Offset: 2, Limit: 2), Ct);

        Assert.Equal(["tee-classic", "hoodie"], first.Items.Select(p => p.Id));
        Assert.Equal(["joggers"], second.Items.Select(p => p.Id));
        Assert.Equal(2, second.Offset);
        Assert.Null(second.Total);
        Assert.Contains(channel.Traffic.Exchanges, e => e.Path == "catalogs/live-shop/categories/apparel/products");
    }

    [Fact]
    public async Task GetProducts_Variants_CarrySkuTitleAndExactPrice()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        var page = await channel.Backend.GetProductsAsync(new CatalogQuery(Limit: 1), Ct);

        var tee = Assert.Single(page.Items);
        Assert.Equal("Classic Tee", tee.Title);
        Assert.Equal(["TEE-BLK-M", "TEE-BLK-L", "TEE-WHT-M"], tee.Variants.Select(v => v.Id));
        Assert.Equal("Black / M", tee.Variants[0].Title);
        Assert.Equal(Money.Of(19.99m, "USD"), tee.Variants[0].Price);
        Assert.Equal("TEE-BLK-M", tee.Variants[0].Sku);
        Assert.NotNull(tee.ImageUrl);
    }

    [Fact]
    public async Task GetProducts_CategoryFromQuery_ListsThatCategory()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        var page = await channel.Backend.GetProductsAsync(new CatalogQuery(CategoryId: "accessories"), Ct);

        Assert.Equal(["cap", "mug"], page.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task GetProducts_EuroStore_PricesInEuro()
    {
        using var channel = new LivescaleTestBackend(sandbox, o =>
        {
            o.Credentials["ClientId"] = LivescaleTestBackend.EuClientId;
            o.Credentials["ClientSecret"] = LivescaleTestBackend.EuClientSecret;
            o.Settings["CategoryId"] = "accessories";
        });

        var page = await channel.Backend.GetProductsAsync(new CatalogQuery(), Ct);

        Assert.Equal(Money.Of(15.00m, "EUR"), page.Items[0].Variants[0].Price);
    }

    [Fact]
    public async Task GetProducts_UnknownCategory_RaisesNotFound()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.GetProductsAsync(new CatalogQuery(CategoryId: "nope"), Ct));

        Assert.Equal(CommerceErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public async Task GetProducts_Search_IsRefusedBecauseTheProtocolHasNone()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => channel.Backend.GetProductsAsync(new CatalogQuery(Search: "tee"), Ct));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Empty(channel.Traffic.Exchanges);
    }
}
