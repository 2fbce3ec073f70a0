using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>Guest baskets and their items, over the checkout core's carts and lines.</summary>
internal static class LivescaleBasketEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/baskets", CreateAsync);
        group.MapPost("/baskets/{basket_id}/items", AddItemsAsync);
        group.MapPut("/baskets/{basket_id}/items/{item_id}", UpdateItemAsync);
        group.MapDelete("/baskets/{basket_id}/items/{item_id}", RemoveItemAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        var (items, error) = await LivescaleJson.ReadAsync<List<LivescaleItemInput>>(http.Request, optional: true);
        if (error is not null)
        {
            return error;
        }

        var lines = items is { Count: > 0 } ? Lines(items) : (null, null);
        if (lines.Error is { } invalid)
        {
            return invalid;
        }

        var cancellationToken = http.RequestAborted;
        if (await baskets.Documents.GetLoginAsync(caller, cancellationToken) is not { } customerToken)
        {
            return LivescaleErrors.Error(StatusCodes.Status403Forbidden, "customer_session_required", "Start a guest session with POST /customers/login using this access token before creating a basket.");
        }

        var created = await baskets.Carts.CreateCartAsync(caller.Client, caller.Channel.Name, null, cancellationToken);
        if (!created.Succeeded)
        {
            return LivescaleErrors.From(created.Errors);
        }

        var basket = new LivescaleBasketDocument(created.Value!.Id, caller.Client.ClientId, caller.Channel.Name, customerToken);
        await baskets.Documents.CreateBasketAsync(basket, cancellationToken);
        var cart = created.Value;
        if (lines.Inputs is { } inputs)
        {
            var added = await baskets.Carts.AddLinesAsync(caller.Client, cart.Id, inputs, null, cancellationToken);
            if (!added.Succeeded)
            {
                // The basket stays (empty): Livescale may add the items again.
                return LivescaleErrors.From(added.Errors);
            }

            cart = added.Value!;
        }

        return LivescaleJson.Ok(LivescaleBasketView.Of(cart, basket), StatusCodes.Status201Created);
    }

    private static async Task<IResult> AddItemsAsync(HttpContext http, string basket_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        var (items, error) = await LivescaleJson.ReadAsync<List<LivescaleItemInput>>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (items is not { Count: > 0 })
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "Give at least one item.");
        }

        var (inputs, invalid) = Lines(items);
        return invalid ?? await baskets.ChangeAsync(caller, basket_id, (cart, _) => baskets.Carts.AddLinesAsync(caller.Client, cart.Id, inputs!, null, http.RequestAborted), http.RequestAborted);
    }

    private static async Task<IResult> UpdateItemAsync(HttpContext http, string basket_id, string item_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        var (item, error) = await LivescaleJson.ReadAsync<LivescaleItemInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (item!.Quantity is not { } quantity || quantity < 0)
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_quantity", "quantity is required, 0 (removes the item) or more.");
        }

        return await baskets.ChangeAsync(caller, basket_id, (cart, _) =>
            Line(cart, item_id) is not { } line || item.Id is { } id && id != line.Id && id != line.MerchandiseId
                ? Task.FromResult(NoItem(basket_id, item_id))
                : baskets.Carts.UpdateLinesAsync(caller.Client, cart.Id, [new CartLineUpdate(line.Id, quantity)], null, http.RequestAborted), http.RequestAborted);
    }

    private static Task<IResult> RemoveItemAsync(HttpContext http, string basket_id, string item_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        return baskets.ChangeAsync(caller, basket_id, (cart, _) =>
            Line(cart, item_id) is not { } line
                ? Task.FromResult(NoItem(basket_id, item_id))
                : baskets.Carts.RemoveLinesAsync(caller.Client, cart.Id, [line.Id], null, http.RequestAborted), http.RequestAborted);
    }

    /// <summary>An item is named by its line id, or by its sku when one line has it.</summary>
    private static CartLine? Line(Cart cart, string itemId) =>
        cart.FindLine(itemId) ?? (cart.Lines.Where(l => l.MerchandiseId == itemId).ToList() is [var only] ? only : null);

    private static CheckoutResult<Cart> NoItem(string basketId, string itemId) =>
        CheckoutResult.Fail<Cart>(CommerceErrorCodes.NotFound, $"Basket '{basketId}' has no item '{itemId}'.", "item_id");

    private static (IReadOnlyList<CartLineInput>? Inputs, IResult? Error) Lines(List<LivescaleItemInput> items)
    {
        if (items.Any(i => string.IsNullOrWhiteSpace(i.Id)))
        {
            return (null, LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "Every item needs an id (the variant's sku)."));
        }

        if (items.Any(i => i.Quantity is null or < 1))
        {
            return (null, LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_quantity", "Every item needs a quantity of at least 1."));
        }

        return ([.. items.Select(i => new CartLineInput(i.Id!, i.Quantity!.Value))], null);
    }
}
