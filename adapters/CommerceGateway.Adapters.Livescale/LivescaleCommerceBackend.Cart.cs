using System.Text.Json;

namespace CommerceGateway.Adapters.Livescale;

/// <content>Guest session, basket, items and customer.</content>
public sealed partial class LivescaleCommerceBackend
{
    /// <summary>
    /// Starts a guest session (<c>POST /customers/login</c>) and creates its basket
    /// (<c>POST /baskets</c>). The basket's currency is the merchant's; a cart in another currency
    /// is refused.
    /// </summary>
    public override async Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _sessionGate.WaitAsync(cancellationToken);
        try
        {
            // A new access token has no guest session yet: a replay after an auth error logs in again.
            var (customerToken, basket) = await _client.AuthorizedAsync("CreateCart", async token =>
            {
                string? customer;
                using (var login = await _client.SendAsync(token, new LivescaleCall("CreateCart", HttpMethod.Post, "customers/login", new { type = "guest" }), cancellationToken))
                {
                    // The spec gives the login answer no schema; a customer_token is kept when there is one.
                    var answer = login.Root(Channel.Name);
                    customer = answer.Element.ValueKind == JsonValueKind.Object ? answer.Optional("customer_token")?.AsText() : null;
                }

                return (customer, await _client.SendAsync(token, new LivescaleCall("CreateCart", HttpMethod.Post, "baskets"), cancellationToken));
            }, cancellationToken);

            using var document = basket;
            var root = document.Root(Channel.Name);
            var currency = root.Required("currency").AsCurrency();
            if (currency != request.Currency)
            {
                throw new BackendRejectedException(
                    Channel.Name, CommerceErrorCodes.InvalidInput, $"The {Channel.Name} store sells in {currency}; a cart in {request.Currency} is not possible.", field: "currency");
            }

            var cart = new Cart
            {
                Id = request.CartId,
                Channel = Channel.Name,
                Currency = currency,
                Buyer = request.Buyer,
                Totals = CartTotals.Zero(currency),
                Backend = BackendData.Empty.With(LivescaleKeys.CustomerToken, customerToken),
            };
            cart = LivescaleBasketReader.Apply(cart, root);
            var basketId = BasketId(cart);
            LivescaleLog.BasketCreated(_logger, Channel.Name, basketId);
            return request.Buyer?.Email is null ? cart : await UpdateBuyerAsync(cart, request.Buyer, cancellationToken);
        }
        finally
        {
            _sessionGate.Release();
        }
    }

    /// <summary>Adds items by variant SKU (<c>POST /baskets/{id}/items</c>); all or nothing at the merchant.</summary>
    public override Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines.Any(l => l.IsSeated || l.Quantity < 1))
        {
            throw Invalid("Give at least one line, each a product variant SKU with a quantity of 1 or more (Livescale sells no seats).", "lines");
        }

        var items = lines.Select(l => new { id = l.MerchandiseId, quantity = l.Quantity }).ToList();
        return BasketCallAsync(cart, new LivescaleCall("AddLines", HttpMethod.Post, BasketPath(cart, "/items"), items), cancellationToken);
    }

    /// <summary>Sets item quantities (<c>PUT /baskets/{id}/items/{item_id}</c>); zero deletes the item.</summary>
    public override async Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            if (cart.FindLine(update.LineId) is null || update.Quantity < 0)
            {
                throw Invalid($"Line '{update.LineId}' is not in the cart, or its quantity is negative.", "lineId");
            }

            var path = BasketPath(cart, $"/items/{Uri.EscapeDataString(update.LineId)}");
            cart = update.Quantity == 0
                ? await BasketCallAsync(cart, new LivescaleCall("UpdateLines", HttpMethod.Delete, path), cancellationToken)
                : await BasketCallAsync(cart, new LivescaleCall("UpdateLines", HttpMethod.Put, path, new { id = update.LineId, quantity = update.Quantity }, SafeToRetry: true), cancellationToken);
        }

        return cart;
    }

    /// <summary>Deletes items (<c>DELETE /baskets/{id}/items/{item_id}</c>).</summary>
    public override async Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(lineIds);
        foreach (var lineId in lineIds)
        {
            if (cart.FindLine(lineId) is null)
            {
                throw Invalid($"Line '{lineId}' is not in the cart.", "lineIds");
            }

            cart = await BasketCallAsync(cart, new LivescaleCall("RemoveLines", HttpMethod.Delete, BasketPath(cart, $"/items/{Uri.EscapeDataString(lineId)}")), cancellationToken);
        }

        return cart;
    }

    /// <summary>Sets the guest's email on the basket (<c>PUT /baskets/{id}/customer</c>); names stay on the cart.</summary>
    public override async Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(buyer);
        if (string.IsNullOrWhiteSpace(buyer.Email))
        {
            throw Invalid("Livescale baskets need the buyer's email.", "buyer.email");
        }

        var body = new { id = cart.Backend.Get(LivescaleKeys.CustomerToken), email = buyer.Email };
        var updated = await BasketCallAsync(cart, new LivescaleCall("UpdateBuyer", HttpMethod.Put, BasketPath(cart, "/customer"), body, SafeToRetry: true, CommerceErrorCodes.InvalidInput), cancellationToken);
        updated = updated with { Buyer = buyer with { Email = updated.Buyer?.Email ?? buyer.Email } };
        return updated with { Checkout = LivescaleCheckoutSteps.Refresh(updated) };
    }
}
