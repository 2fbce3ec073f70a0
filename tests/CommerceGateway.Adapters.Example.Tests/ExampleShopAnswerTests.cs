namespace CommerceGateway.Adapters.Example.Tests;

/// <summary>Answers the sandbox never sends (a wrong type, an unknown status) become protocol errors naming the field.</summary>
public sealed class ExampleShopAnswerTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");
    private static readonly Uri Unused = new("http://shop.invalid/");

    [Fact]
    public async Task CreateCart_PriceThatIsNotANumber_RaisesProtocolErrorNamingTheField()
    {
        const string answer = """
            {"id": "c1", "currency": "EUR", "total": "12.50",
             "lines": [{"sku": "MUG", "name": "Enamel mug", "quantity": 1, "unitPrice": "twelve fifty", "total": "12.50"}]}
            """;
        using var services = ExampleTestChannel.Build(Unused, configure: a => a.ConfigurePrimaryHandler(_ => new CannedResponseHandler(answer)));

        var error = await Assert.ThrowsAsync<BackendProtocolException>(
            () => services.Backend().CreateCartAsync(new CartCreation("cart-1", Eur), CancellationToken.None));

        Assert.Equal("lines[0].unitPrice", error.Field);
        Assert.Contains("lines[0].unitPrice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCart_TotalThatDisagreesWithTheLines_RaisesProtocolErrorNamingTheTotal()
    {
        const string answer = """
            {"id": "c1", "currency": "EUR", "total": "99.00",
             "lines": [{"sku": "MUG", "quantity": 1, "unitPrice": "12.50", "total": "12.50"}]}
            """;
        using var services = ExampleTestChannel.Build(Unused, configure: a => a.ConfigurePrimaryHandler(_ => new CannedResponseHandler(answer)));

        var error = await Assert.ThrowsAsync<BackendProtocolException>(
            () => services.Backend().CreateCartAsync(new CartCreation("cart-1", Eur), CancellationToken.None));

        Assert.Equal("total", error.Field);
    }

    [Fact]
    public async Task GetOrder_UnknownStatus_RaisesProtocolErrorNamingTheStatus()
    {
        const string answer = """
            {"id": "o1", "status": "teleported", "currency": "EUR", "total": "10.00",
             "captured": "0.00", "refunded": "0.00", "lines": []}
            """;
        using var services = ExampleTestChannel.Build(Unused, configure: a => a.ConfigurePrimaryHandler(_ => new CannedResponseHandler(answer)));
        var zero = Money.Zero(Eur);
        var known = new Order { Id = "o1", Channel = ExampleTestChannel.Name, Status = OrderStatus.Placed, PaymentStatus = PaymentStatus.Authorized, Total = zero, AmountPaid = zero, AmountRefunded = zero };

        var error = await Assert.ThrowsAsync<BackendProtocolException>(() => services.Backend().GetOrderAsync(known, CancellationToken.None));

        Assert.Equal("status", error.Field);
        Assert.Contains("teleported", error.Message, StringComparison.Ordinal);
    }
}
