using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// A basket is a checkout core cart plus its <see cref="LivescaleBasketDocument"/>. Reads go through
/// <see cref="CartService"/> (so a processing payment is brought up to date and ownership is the
/// core's); a cart of another channel, or one made outside this front door, does not exist here.
/// </summary>
internal sealed class LivescaleBaskets(CartService carts, LivescaleDocuments documents)
{
    public CartService Carts => carts;

    public LivescaleDocuments Documents => documents;

    /// <summary>The basket, or the error model's 404.</summary>
    public async Task<(Cart? Cart, LivescaleBasketDocument? Basket, IResult? Error)> LoadAsync(LivescaleCaller caller, string basketId, CancellationToken cancellationToken)
    {
        var basket = await documents.GetBasketAsync(basketId, cancellationToken);
        if (basket is null || basket.Owner != caller.Client.ClientId || !SameChannel(basket.Channel, caller.Channel))
        {
            return (null, null, LivescaleErrors.NotFound("basket", basketId));
        }

        var cart = await carts.GetCartAsync(caller.Client, basketId, cancellationToken);
        return cart is null || !SameChannel(cart.Channel, caller.Channel)
            ? (null, null, LivescaleErrors.NotFound("basket", basketId))
            : (cart, basket, null);
    }

    /// <summary>
    /// Applies a checkout core change to a basket that is not frozen by an order, and answers the basket.
    /// <paramref name="change"/> gets the cart as read; a refused change is the error model.
    /// </summary>
    public async Task<IResult> ChangeAsync(
        LivescaleCaller caller,
        string basketId,
        Func<Cart, LivescaleBasketDocument, Task<CheckoutResult<Cart>>> change,
        CancellationToken cancellationToken)
    {
        var (cart, basket, error) = await LoadAsync(caller, basketId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (await FrozenAsync(basket!, cancellationToken) is { } frozen)
        {
            return frozen;
        }

        var result = await change(cart!, basket!);
        if (!result.Succeeded)
        {
            return LivescaleErrors.From(result.Errors);
        }

        var fresh = await documents.GetBasketAsync(basketId, cancellationToken) ?? basket!;
        return LivescaleJson.Ok(LivescaleBasketView.Of(result.Value!, fresh));
    }

    /// <summary>A 409 while an order made from the basket has not failed: its total is what Livescale authorizes.</summary>
    public async Task<IResult?> FrozenAsync(LivescaleBasketDocument basket, CancellationToken cancellationToken)
    {
        if (basket.OrderId is not { } orderId)
        {
            return null;
        }

        var order = await documents.GetOrderAsync(orderId, cancellationToken);
        return order is null || order.Status == "FAILED"
            ? null
            : LivescaleErrors.Error(StatusCodes.Status409Conflict, "basket_ordered", $"Basket '{basket.CartId}' became order '{orderId}'; it cannot change any more.");
    }

    /// <summary>Begins the core's checkout once the basket has items, so the backend lists the steps it needs.</summary>
    public async Task<CheckoutResult<Cart>> EnsureCheckoutAsync(LivescaleCaller caller, Cart cart, CancellationToken cancellationToken) =>
        cart.Checkout.Steps.Count > 0 || cart.Lines.Count == 0
            ? CheckoutResult.Ok(cart)
            : await carts.BeginCheckoutAsync(caller.Client, cart.Id, null, cancellationToken);

    /// <summary>
    /// Walks the backend's steps up to payment again with what the basket already holds: a backend that
    /// reopens its checkout when an item changes (Guest Manager) gets the buyer, the addresses and the
    /// shipping method again, so Livescale, which sent them once, need not.
    /// </summary>
    public async Task<CheckoutResult<Cart>> CatchUpAsync(LivescaleCaller caller, Cart cart, LivescaleBasketDocument basket, CancellationToken cancellationToken)
    {
        var client = caller.Client;
        for (var attempt = 0; attempt < 4 && cart.Checkout.NextIncomplete is { Kind: not CheckoutStepKind.Payment } step; attempt++)
        {
            var shipping = basket.ShippingAddress?.ToAddress();
            var billing = basket.BillingAddress?.ToAddress();
            Task<CheckoutResult<Cart>>? again = step.Kind switch
            {
                CheckoutStepKind.Email when cart.Buyer is { Email: not null } buyer => carts.UpdateBuyerAsync(client, cart.Id, buyer, null, cancellationToken),
                CheckoutStepKind.Address when (shipping ?? billing) is not null && caller.Channel.Supports(ChannelCapabilities.Shipping) =>
                    carts.UpdateAddressesAsync(client, cart.Id, shipping, billing, null, cancellationToken),
                CheckoutStepKind.Delivery when basket.ShippingMethod is { } method => carts.SelectShippingOptionAsync(client, cart.Id, method, null, cancellationToken),
                _ => null,
            };
            if (again is null)
            {
                break;
            }

            var result = await again;
            if (!result.Succeeded)
            {
                return result;
            }

            if (result.Value!.Checkout.NextIncomplete?.Kind == step.Kind)
            {
                // Sending it again did not complete the step: what it needs is not in the basket.
                return result;
            }

            cart = result.Value;
        }

        return CheckoutResult.Ok(cart);
    }

    public static bool SameChannel(string name, Channel channel) => string.Equals(name, channel.Name, StringComparison.OrdinalIgnoreCase);
}
