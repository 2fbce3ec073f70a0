using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>Cart failures: what the channel does not sell, what the backend refuses, and backend faults.</summary>
public sealed class OrderFlowCartTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private Uri Url => sandbox.ProtocolUrl("orderflow");

    [Fact]
    public async Task AddLines_MerchandiseWithoutAPrice_IsRefusedAsNotFound()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await test.Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), OrderFlowCarts.Bounded);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => test.Backend.AddLinesAsync(cart, [new CartLineInput("no-such-item", 1)], OrderFlowCarts.Bounded));

        Assert.Equal(CommerceErrorCodes.NotFound, error.Code);
        Assert.Equal("lines[0].merchandiseId", error.Field);
    }

    [Theory]
    [InlineData("4567", CommerceErrorCodes.SoldOut, "sold_out")]
    [InlineData("5678", CommerceErrorCodes.OffSale, "off_sale")]
    public async Task AddLines_ItemTheBackendWillNotSell_IsRefusedWithItsCode(string merchandiseId, string code, string backendCode)
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await test.Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), OrderFlowCarts.Bounded);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => test.Backend.AddLinesAsync(cart, [new CartLineInput(merchandiseId, 1)], OrderFlowCarts.Bounded));

        Assert.Equal(code, error.Code);
        Assert.Equal(backendCode, error.BackendCode);
        Assert.False(string.IsNullOrEmpty(error.BackendMessage));
    }

    [Fact]
    public async Task AddLines_SoldOutFault_IsRefusedAsSoldOut()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/cart.json", "sold-out"));
        using var healthy = OrderFlowTestBackend.Create(Url);
        var cart = await healthy.Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), OrderFlowCarts.Bounded);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => test.Backend.AddLinesAsync(cart, [new CartLineInput("1234", 1)], OrderFlowCarts.Bounded));

        Assert.Equal(CommerceErrorCodes.SoldOut, error.Code);
    }

    [Fact]
    public async Task AddLines_PriceListOutOfDate_IsRefusedNamingTheUnitPrice()
    {
        using var test = OrderFlowTestBackend.Create(Url, configure: o => o.Settings["Price.1234"] = "45.00");
        var cart = await test.Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), OrderFlowCarts.Bounded);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => test.Backend.AddLinesAsync(cart, [new CartLineInput("1234", 1)], OrderFlowCarts.Bounded));

        Assert.Equal("price_mismatch", error.BackendCode);
        Assert.Equal("unitPrice", error.Field);
    }

    [Fact]
    public async Task UpdateLines_UnknownLine_IsRefusedAsNotFound()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ExampleCartAsync(test.Backend);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(() => test.Backend.UpdateLinesAsync(cart, [new CartLineUpdate("nope", 1)], OrderFlowCarts.Bounded));

        Assert.Equal(CommerceErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public async Task UpdateLines_ZeroQuantity_RemovesTheLineAndItsTax()
    {
        using var test = OrderFlowTestBackend.Create(Url);
        var cart = await OrderFlowCarts.ExampleCartAsync(test.Backend);

        cart = await test.Backend.UpdateLinesAsync(cart, [new CartLineUpdate("2345", 0)], OrderFlowCarts.Bounded);

        Assert.Equal("1234", Assert.Single(cart.Lines).MerchandiseId);
        Assert.Equal(Money.Of(100m, "USD"), cart.Totals.Total);
        Assert.Equal(Money.Of(18m, "USD"), cart.Totals.Taxes);
    }

    [Fact]
    public async Task CreateCart_ServerError_RaisesBackendUnavailable()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/cart.json", "status=500"));

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(
            () => test.Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), OrderFlowCarts.Bounded));

        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task CreateCart_MalformedBody_RaisesProtocolError()
    {
        using var test = OrderFlowTestBackend.Create(Url, () => new FaultHeaderHandler("/cart.json", "malformed"));

        var error = await Assert.ThrowsAsync<BackendProtocolException>(
            () => test.Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), OrderFlowCarts.Bounded));

        Assert.Equal("(body)", error.Field);
    }

    [Fact]
    public async Task CreateCart_OtherCurrencyThanTheChannel_IsRefusedAsInvalidInput()
    {
        using var test = OrderFlowTestBackend.Create(Url);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(
            () => test.Backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Eur), OrderFlowCarts.Bounded));

        Assert.Equal(CommerceErrorCodes.InvalidInput, error.Code);
        Assert.Equal("currency", error.Field);
    }

    [Fact]
    public void Create_MalformedPriceSetting_RefusesToStartNamingTheSetting()
    {
        using var test = OrderFlowTestBackend.Create(Url, configure: o => o.Settings["Price.1234"] = "fifty");

        var error = Assert.ThrowsAny<Exception>(() => test.Backend);

        Assert.Contains("Price.1234", error.ToString(), StringComparison.Ordinal);
    }
}
