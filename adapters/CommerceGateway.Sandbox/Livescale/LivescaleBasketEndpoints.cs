namespace CommerceGateway.Sandbox.Livescale;

/// <summary><c>POST /baskets</c> and the basket's items.</summary>
internal static class LivescaleBasketEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/baskets", CreateAsync);
        group.MapPost("/baskets/{basketId}/items", AddItemsAsync);
        group.MapPut("/baskets/{basketId}/items/{itemId}", UpdateItemAsync);
        group.MapDelete("/baskets/{basketId}/items/{itemId}", (HttpContext http, LivescaleState state, string basketId, string itemId) =>
            LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
                basket.Items.RemoveAll(i => i.Id == itemId) == 0
                    ? LivescaleJson.Error(StatusCodes.Status404NotFound, "not_found", $"No item '{itemId}' in the basket.")
                    : LivescaleBaskets.Json(basket)));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, LivescaleState state)
    {
        var (items, error) = await LivescaleJson.ReadAsync<List<LivescaleItemInput>>(http.Request, optional: true);
        if (error is not null)
        {
            return error;
        }

        var token = LivescaleAuthFilter.TokenOf(http);
        lock (state.Gate)
        {
            if (token.CustomerToken is not { } customerToken)
            {
                return LivescaleJson.Error(StatusCodes.Status403Forbidden, "customer_session_required", "Start a customer session with POST /customers/login before creating a basket.");
            }

            var refusal = Refusal(http, state, [], items ?? []);
            if (refusal is not null)
            {
                return refusal;
            }

            var basket = state.CreateBasket(token.Merchant, customerToken);
            Add(basket, items ?? []);
            return LivescaleBaskets.Json(basket, StatusCodes.Status201Created);
        }
    }

    private static async Task<IResult> AddItemsAsync(HttpContext http, LivescaleState state, string basketId)
    {
        var (items, error) = await LivescaleJson.ReadAsync<List<LivescaleItemInput>>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (items!.Count == 0)
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_request", "Give at least one item.");
        }

        return LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
        {
            if (Refusal(http, state, basket.Items, items) is { } refusal)
            {
                return refusal;
            }

            Add(basket, items);
            return LivescaleBaskets.Json(basket);
        });
    }

    private static async Task<IResult> UpdateItemAsync(HttpContext http, LivescaleState state, string basketId, string itemId)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleItemInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        return LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
        {
            var item = basket.Items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return LivescaleJson.Error(StatusCodes.Status404NotFound, "not_found", $"No item '{itemId}' in the basket.");
            }

            if (body!.Id is { } id && id != item.Id && id != item.Sku)
            {
                return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_request", "The body's id must name the item in the path.");
            }

            if (body.Quantity == 0)
            {
                basket.Items.Remove(item);
                return LivescaleBaskets.Json(basket);
            }

            var othersOfSku = basket.Items.Where(i => i.Sku == item.Sku && i != item).Sum(i => i.Quantity);
            if (LivescaleBaskets.CheckAvailable(http, state, item.Sku, body.Quantity, othersOfSku) is { } refusal)
            {
                return refusal;
            }

            item.Quantity = body.Quantity!.Value;
            return LivescaleBaskets.Json(basket);
        });
    }

    // All or nothing: every item must be available before any is added.
    private static IResult? Refusal(HttpContext http, LivescaleState state, List<LivescaleBasketItem> existing, List<LivescaleItemInput> items)
    {
        foreach (var group in items.GroupBy(i => i.Id))
        {
            var inBasket = existing.Where(i => i.Sku == group.Key).Sum(i => i.Quantity);
            var quantity = group.Any(i => i.Quantity is not > 0) ? 0 : group.Sum(i => i.Quantity!.Value);
            if (LivescaleBaskets.CheckAvailable(http, state, group.Key, quantity, inBasket) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static void Add(LivescaleBasket basket, List<LivescaleItemInput> items)
    {
        foreach (var input in items)
        {
            var item = basket.Items.FirstOrDefault(i => i.Sku == input.Id);
            if (item is null)
            {
                basket.Items.Add(new LivescaleBasketItem(LivescaleState.NewId("itm_", 6), input.Id!, input.Quantity!.Value));
            }
            else
            {
                item.Quantity += input.Quantity!.Value;
            }
        }
    }
}
