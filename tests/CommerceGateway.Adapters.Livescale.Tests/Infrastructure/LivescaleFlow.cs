namespace CommerceGateway.Adapters.Livescale.Tests.Infrastructure;

/// <summary>Steps of the standard flow that many tests share.</summary>
internal static class LivescaleFlow
{
    public static readonly Buyer Buyer = new("guest@example.test", "Grace", "Hopper", "+15555550123");

    public static readonly Address Address = new("1 Market Street", "San Francisco", "94105", "US", RegionCode: "CA", FirstName: "Grace", LastName: "Hopper");

    public static PaymentInstruction Authorized(Money amount) =>
        new(amount, pspToken: null, pspTransactionId: "psp_tx_" + Guid.NewGuid().ToString("N"), pspName: "adyen");

    /// <summary>A cart with <paramref name="lines"/> whose every step before payment is done.</summary>
    public static async Task<Cart> ReadyForPaymentAsync(CommerceBackend backend, CurrencyCode currency, params CartLineInput[] lines)
    {
        var ct = LivescaleTestBackend.Bounded;
        var cart = await backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), currency), ct);
        cart = await backend.AddLinesAsync(cart, lines, ct);
        cart = await backend.UpdateBuyerAsync(cart, Buyer, ct);
        cart = await backend.BeginCheckoutAsync(cart, ct);
        cart = await backend.UpdateAddressesAsync(cart, Address, Address, ct);
        var options = await backend.GetShippingOptionsAsync(cart, ct);
        return await backend.SelectShippingOptionAsync(cart, options[0].Id, ct);
    }
}
