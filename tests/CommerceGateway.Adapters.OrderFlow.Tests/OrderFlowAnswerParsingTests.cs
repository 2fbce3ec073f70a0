namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>Answers the sandbox never sends: amounts as strings, missing or mistyped fields.</summary>
public sealed class OrderFlowAnswerParsingTests
{
    private static readonly Uri Unused = new("http://127.0.0.1:9/orderflow/");

    [Fact]
    public async Task CreateCart_AmountsAsStrings_AreReadExactly()
    {
        const string Answer = """{"orderId":456,"tax":"0.10","subTotalAmount":"0.20","totalAmount":"0.30","items":[],"status":"pending"}""";
        using var test = OrderFlowTestBackend.Create(Unused, () => new CannedResponseHandler(Answer));

        var cart = await test.Backend.CreateCartAsync(new CartCreation("cart_strings", CurrencyCode.Usd), OrderFlowCarts.Bounded);

        Assert.Equal(0.10m, cart.Totals.Taxes.Amount);
        Assert.Equal(0.20m, cart.Totals.Subtotal.Amount);
        Assert.Equal(0.30m, cart.Totals.Total.Amount);
        Assert.Equal("456", cart.Backend.Get("orderId"));
    }

    [Fact]
    public async Task CreateCart_AmountsAsNumbers_AreReadExactly()
    {
        const string Answer = """{"orderId":"457","tax":0.1,"subTotalAmount":0.2,"totalAmount":0.3,"items":[],"status":"pending"}""";
        using var test = OrderFlowTestBackend.Create(Unused, () => new CannedResponseHandler(Answer));

        var cart = await test.Backend.CreateCartAsync(new CartCreation("cart_numbers", CurrencyCode.Usd), OrderFlowCarts.Bounded);

        Assert.Equal(0.3m, cart.Totals.Total.Amount);
        Assert.Equal(cart.Totals.Subtotal + cart.Totals.Taxes, cart.Totals.Total);
    }

    [Theory]
    [InlineData("""{"orderId":"1","tax":36.0,"subTotalAmount":164.0}""", "totalAmount")]
    [InlineData("""{"orderId":"1","tax":36.0,"subTotalAmount":164.0,"totalAmount":"two hundred"}""", "totalAmount")]
    [InlineData("""{"tax":36.0,"subTotalAmount":164.0,"totalAmount":200.0}""", "orderId")]
    [InlineData("""{"orderId":{"id":1},"tax":36.0,"subTotalAmount":164.0,"totalAmount":200.0}""", "orderId")]
    public async Task CreateCart_UnexpectedShape_RaisesProtocolErrorNamingTheField(string answer, string field)
    {
        using var test = OrderFlowTestBackend.Create(Unused, () => new CannedResponseHandler(answer));

        var error = await Assert.ThrowsAsync<BackendProtocolException>(
            () => test.Backend.CreateCartAsync(new CartCreation("cart_shape", CurrencyCode.Usd), OrderFlowCarts.Bounded));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task CreateCart_ErrorWithoutTheErrorField_RaisesProtocolError()
    {
        using var test = OrderFlowTestBackend.Create(Unused, () => new CannedResponseHandler("""{"oops":true}""", System.Net.HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<BackendProtocolException>(
            () => test.Backend.CreateCartAsync(new CartCreation("cart_error", CurrencyCode.Usd), OrderFlowCarts.Bounded));

        Assert.Equal("error", error.Field);
    }
}
