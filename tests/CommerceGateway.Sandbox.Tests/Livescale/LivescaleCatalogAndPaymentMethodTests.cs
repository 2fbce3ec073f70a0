using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Livescale;

/// <summary>Catalog paging, and the LIVESCALE payment method every basket offers.</summary>
public sealed class LivescaleCatalogAndPaymentMethodTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private const string Apparel = "catalogs/live-shop/categories/apparel/products";

    [Theory]
    [InlineData("offset=0&limit=2", "tee-classic,hoodie")]
    [InlineData("offset=2&limit=2", "joggers")]
    [InlineData("offset=10", "")]
    [InlineData("", "tee-classic,hoodie,joggers")]
    public async Task Products_OffsetAndLimit_PageTheCategory(string query, string expected)
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);

        var (status, page) = await api.SendAsync(HttpMethod.Get, $"{Apparel}?{query}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), page.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "invalid_limit")]
    [InlineData("limit=101", "invalid_limit")]
    [InlineData("offset=-1", "invalid_offset")]
    public async Task Products_PageOutOfRange_IsRefused(string query, string error)
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);

        var (status, body) = await api.SendAsync(HttpMethod.Get, $"{Apparel}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Categories_Paged_ListOneAtATime()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);

        var (_, first) = await api.SendAsync(HttpMethod.Get, "catalogs/live-shop/categories?offset=0&limit=1");
        var (_, second) = await api.SendAsync(HttpMethod.Get, "catalogs/live-shop/categories?offset=1&limit=1");

        Assert.Equal("apparel", Assert.Single(first.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("accessories", Assert.Single(second.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task PaymentMethods_EmptyBasket_StillOfferLivescale()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);
        await api.LoginAsync();
        var (_, basket) = await api.SendAsync(HttpMethod.Post, "baskets");

        var (status, methods) = await api.SendAsync(HttpMethod.Get, $"baskets/{basket.GetProperty("id").GetString()}/payment_methods");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(methods.EnumerateArray(), m => m.GetProperty("id").GetString() == "LIVESCALE");
    }

    [Fact]
    public async Task PaymentMethod_OtherThanLivescale_IsRefused()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);
        await api.LoginAsync();
        var (_, basket) = await api.SendAsync(HttpMethod.Post, "baskets");

        var (status, body) = await api.SendAsync(HttpMethod.Put, $"baskets/{basket.GetProperty("id").GetString()}/payment_method", """{"id":"CARD"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("unsupported_payment_method", body.GetProperty("error").GetString());
    }
}
