using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Example.Tests;

/// <summary>A loyalty reward's discount at the ExampleShop sandbox, over HTTP: the cart, the order and the authorized amount are all discounted.</summary>
public sealed class ExampleLoyaltyDiscountTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    private Uri ShopUrl => sandbox.ProtocolUrl("example");

    [Fact]
    public async Task ApplyLoyaltyDiscount_CartTotalIsTheLinesLessTheDiscount_AndTheOrderIsAuthorizedForThat()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        var backend = services.Backend();
        var cart = await CartAsync(backend, "cart-loyalty-discount");

        var discounted = await backend.ApplyLoyaltyDiscountAsync(cart, Money.Of(5m, "EUR"), CancellationToken.None);
        var outcome = await backend.SubmitPaymentAsync(discounted, new PaymentInstruction(discounted.Totals.Total, "tok_visa", null), CancellationToken.None);

        Assert.Equal(Money.Of(52.5m, "EUR"), discounted.Totals.Subtotal);
        Assert.Equal(Money.Of(5m, "EUR"), discounted.Totals.LoyaltyDiscount);
        Assert.Equal(Money.Of(5m, "EUR"), discounted.Totals.Discounts);
        Assert.Equal(Money.Of(47.5m, "EUR"), discounted.Totals.Total);
        Assert.Equal(PaymentStatus.Authorized, outcome.Status);
        Assert.Equal(Money.Of(47.5m, "EUR"), outcome.Order!.Total);
    }

    [Fact]
    public async Task ApplyLoyaltyDiscount_StaysWhenLinesChange_AndNullRemovesIt()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        var backend = services.Backend();
        var cart = await backend.ApplyLoyaltyDiscountAsync(await CartAsync(backend, "cart-loyalty-remove"), Money.Of(5m, "EUR"), CancellationToken.None);

        var more = await backend.AddLinesAsync(cart, [new CartLineInput("MUG", 1)], CancellationToken.None);
        var removed = await backend.ApplyLoyaltyDiscountAsync(more, null, CancellationToken.None);

        Assert.Equal(Money.Of(60m, "EUR"), more.Totals.Total);
        Assert.Equal(Money.Of(5m, "EUR"), more.Totals.LoyaltyDiscount);
        Assert.Null(removed.Totals.LoyaltyDiscount);
        Assert.Equal(Money.Of(65m, "EUR"), removed.Totals.Total);
    }

    [Fact]
    public async Task PaymentOfTheUndiscountedTotal_IsRefusedByTheShop()
    {
        using var services = ExampleTestChannel.Build(ShopUrl);
        var backend = services.Backend();
        var cart = await backend.ApplyLoyaltyDiscountAsync(await CartAsync(backend, "cart-loyalty-full-price"), Money.Of(5m, "EUR"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<BackendRejectedException>(
            () => backend.SubmitPaymentAsync(cart, new PaymentInstruction(cart.Totals.Subtotal, "tok_visa", null), CancellationToken.None));

        Assert.Equal("amount_mismatch", error.BackendCode);
    }

    [Fact]
    public async Task DiscountAppliedBeforeTheCapabilityWasSwitchedOff_CanStillBeTakenOff_ButNoNewOneApplied()
    {
        Cart cart;
        using (var before = ExampleTestChannel.Build(ShopUrl))
        {
            cart = await before.Backend().ApplyLoyaltyDiscountAsync(await CartAsync(before.Backend(), "cart-loyalty-switched-off"), Money.Of(5m, "EUR"), CancellationToken.None);
        }

        var options = ExampleTestChannel.Options();
        options.Capabilities = ["Refunds", "CaptureLater"];
        using var after = ExampleTestChannel.Build(ShopUrl, options);

        var removed = await after.Backend().ApplyLoyaltyDiscountAsync(cart, null, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<CapabilityNotSupportedException>(
            () => after.Backend().ApplyLoyaltyDiscountAsync(removed, Money.Of(5m, "EUR"), CancellationToken.None));

        Assert.Equal(Money.Of(5m, "EUR"), cart.Totals.LoyaltyDiscount);
        Assert.Null(removed.Totals.LoyaltyDiscount);
        Assert.Equal(Money.Of(52.5m, "EUR"), removed.Totals.Total);
        Assert.NotNull(refused);
    }

    /// <summary>2 T-shirts and a mug (EUR 52.50) with an email, ready to pay.</summary>
    private static async Task<Cart> CartAsync(CommerceBackend backend, string id)
    {
        var cart = await backend.CreateCartAsync(new CartCreation(id, Eur), CancellationToken.None);
        cart = await backend.AddLinesAsync(cart, [new CartLineInput("TEE-M", 2), new CartLineInput("MUG", 1)], CancellationToken.None);
        cart = await backend.UpdateBuyerAsync(cart, new Buyer("ada@example.test"), CancellationToken.None);
        return await backend.BeginCheckoutAsync(cart, CancellationToken.None);
    }
}
