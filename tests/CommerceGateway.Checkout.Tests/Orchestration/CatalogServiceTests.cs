using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>What the GraphQL schema needs beyond carts: catalog browsing through the service, and expiry that the cart shows.</summary>
public sealed class CatalogServiceTests : IDisposable
{
    private static readonly ClientContext Alice = new("storefront-alice");
    private readonly CheckoutHost _host = new(new ChargeLedger());

    private CheckoutServices Checkout => _host.Checkout;

    public void Dispose() => _host.Dispose();

    [Fact]
    public void GetChannels_ListsTheConfiguredChannels()
    {
        Assert.Equal([CheckoutHost.NoDiscountChannel, CheckoutHost.LoyaltyChannel, "shop"], Checkout.Catalog.GetChannels().Select(c => c.Name));
        Assert.NotNull(Checkout.Catalog.GetChannel("SHOP"));
        Assert.Null(Checkout.Catalog.GetChannel("nowhere"));
    }

    [Fact]
    public async Task GetProducts_BackendWithoutACatalog_IsNotSupported()
    {
        var result = await Checkout.Catalog.GetProductsAsync("shop", new CatalogQuery(), default);

        Assert.Equal(CommerceErrorCodes.NotSupported, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("nowhere", 0, 20, "NOT_FOUND")]
    [InlineData("shop", 0, 0, "INVALID_INPUT")]
    [InlineData("shop", 0, 101, "INVALID_INPUT")]
    [InlineData("shop", -1, 20, "INVALID_INPUT")]
    public async Task GetEvents_BadRequest_IsAUserError(string channel, int offset, int limit, string code)
    {
        var result = await Checkout.Catalog.GetEventsAsync(channel, new CatalogQuery(offset, limit), default);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task GetSeatMap_WithoutSession_IsInvalidInput()
    {
        var result = await Checkout.Catalog.GetSeatMapAsync("shop", " ", default);

        Assert.Equal("sessionId", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task SubmitPayment_ReservationLapsed_IsHoldExpiredAndTheCartSaysExpired()
    {
        var cart = (await Checkout.Carts.CreateCartAsync(Alice, "shop", null, default)).Value!;
        await Checkout.Carts.AddLinesAsync(Alice, cart.Id, [new CartLineInput("tee-m", 1)], null, default);
        await Checkout.Carts.BeginCheckoutAsync(Alice, cart.Id, null, default);

        var paid = await Checkout.Payments.SubmitPaymentAsync(Alice, cart.Id, new PaymentRequest("tok_expired", null), "key-expired", default);

        Assert.Equal(CommerceErrorCodes.HoldExpired, Assert.Single(paid.Errors).Code);
        Assert.Equal(CheckoutStatus.Expired, (await Checkout.Carts.GetCartAsync(Alice, cart.Id, default))!.Checkout.Status);
    }
}
