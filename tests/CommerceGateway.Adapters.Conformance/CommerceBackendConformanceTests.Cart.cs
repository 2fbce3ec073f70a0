using Xunit;

namespace CommerceGateway.Adapters.Conformance;

/// <content>Cart operations.</content>
public abstract partial class CommerceBackendConformanceTests
{
    /// <summary>A new cart is empty, in the requested currency, with the requested id.</summary>
    [Fact]
    public async Task CreateCart_WithCurrency_StartsEmptyInThatCurrency()
    {
        var backend = CreateBackend();
        var id = NewCartId();

        var cart = await backend.CreateCartAsync(new CartCreation(id, Currency), Bounded);

        Assert.Equal(id, cart.Id);
        Assert.Equal(ChannelName, cart.Channel);
        Assert.Equal(Currency, cart.Currency);
        Assert.Empty(cart.Lines);
        Assert.Equal(0m, cart.Totals.Total.Amount);
        Assert.Equal(Currency, cart.Totals.Total.Currency);
    }

    /// <summary>An added line shows with a price, and the cart total covers it.</summary>
    [Fact]
    public async Task AddLines_PurchasableLine_AppearsPricedInTheTotals()
    {
        var backend = CreateBackend();
        var cart = await backend.CreateCartAsync(new CartCreation(NewCartId(), Currency), Bounded);
        var input = PurchasableLine;

        cart = await backend.AddLinesAsync(cart, [input], Bounded);

        var line = Assert.Single(cart.Lines);
        Assert.Equal(input.Quantity, line.Quantity);
        Assert.Equal(Currency, line.UnitPrice.Currency);
        Assert.True(line.UnitPrice.Amount > 0m, "the line has a price");
        Assert.Equal(line.UnitPrice.Amount * line.Quantity, line.Total.Amount);
        Assert.True(cart.Totals.Total.Amount >= line.Total.Amount - cart.Totals.Discounts.Amount, "the total covers the line");
    }

    /// <summary>A quantity change is reflected in the line and its total.</summary>
    [Fact]
    public async Task UpdateLines_HigherQuantity_ChangesTheLineAndItsTotal()
    {
        var backend = CreateBackend();
        var cart = await CartWithLineAsync(backend, Bounded);
        var before = Assert.Single(cart.Lines);

        cart = await backend.UpdateLinesAsync(cart, [new CartLineUpdate(before.Id, before.Quantity + 1)], Bounded);

        var after = Assert.Single(cart.Lines);
        Assert.Equal(before.Quantity + 1, after.Quantity);
        Assert.True(after.Total.Amount > before.Total.Amount, "the line total grew");
    }

    /// <summary>Removing the only line empties the cart.</summary>
    [Fact]
    public async Task RemoveLines_OnlyLine_LeavesTheCartEmpty()
    {
        var backend = CreateBackend();
        var cart = await CartWithLineAsync(backend, Bounded);

        cart = await backend.RemoveLinesAsync(cart, [cart.Lines[0].Id], Bounded);

        Assert.Empty(cart.Lines);
        Assert.Equal(0m, cart.Totals.Subtotal.Amount);
    }

    /// <summary>The buyer's details are kept on the cart.</summary>
    [Fact]
    public async Task UpdateBuyer_GuestDetails_AreKeptOnTheCart()
    {
        var backend = CreateBackend();
        var cart = await backend.CreateCartAsync(new CartCreation(NewCartId(), Currency), Bounded);
        cart = await backend.AddLinesAsync(cart, [PurchasableLine], Bounded);

        cart = await backend.UpdateBuyerAsync(cart, Buyer, Bounded);

        Assert.NotNull(cart.Buyer);
        Assert.Equal(Buyer.Email, cart.Buyer.Email);
    }
}
