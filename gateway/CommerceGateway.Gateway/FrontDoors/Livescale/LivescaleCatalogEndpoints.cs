using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// Catalogs, categories and products: a channel's product catalog is one Livescale catalog (named
/// after the channel) with one category, <c>all</c>. A channel without a product catalog says so.
/// </summary>
internal static class LivescaleCatalogEndpoints
{
    public const string AllCategory = "all";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/catalogs", Catalogs);
        group.MapGet("/catalogs/{catalog_id}/categories", Categories);
        group.MapGet("/catalogs/{catalog_id}/categories/{category_id}/products", ProductsAsync);
    }

    private static IResult Catalogs(HttpContext http)
    {
        var caller = LivescaleCaller.Of(http);
        if (Unsupported(caller) is { } refused)
        {
            return refused;
        }

        var (query, error) = LivescalePaging.Read(http.Request);
        if (error is not null)
        {
            return error;
        }

        LivescaleCatalogView[] all = [new(caller.Channel.Name, caller.Channel.Name, $"The products of channel '{caller.Channel.Name}'.")];
        return LivescaleJson.Ok(all.Skip(query!.Offset).Take(query.Limit).ToList());
    }

    private static IResult Categories(HttpContext http, string catalog_id)
    {
        var caller = LivescaleCaller.Of(http);
        if ((Unsupported(caller) ?? UnknownCatalog(caller, catalog_id)) is { } refused)
        {
            return refused;
        }

        var (query, error) = LivescalePaging.Read(http.Request);
        if (error is not null)
        {
            return error;
        }

        LivescaleCatalogView[] all = [new(AllCategory, "All products")];
        return LivescaleJson.Ok(all.Skip(query!.Offset).Take(query.Limit).ToList());
    }

    private static async Task<IResult> ProductsAsync(HttpContext http, string catalog_id, string category_id, CatalogService catalog)
    {
        var caller = LivescaleCaller.Of(http);
        if ((Unsupported(caller) ?? UnknownCatalog(caller, catalog_id)) is { } refused)
        {
            return refused;
        }

        if (category_id != AllCategory)
        {
            return LivescaleErrors.NotFound("category", category_id);
        }

        var (query, error) = LivescalePaging.Read(http.Request);
        if (error is not null)
        {
            return error;
        }

        var page = await catalog.GetProductsAsync(caller.Channel.Name, query!, http.RequestAborted);
        return page.Succeeded
            ? LivescaleJson.Ok(page.Value!.Items.Select(View).ToList())
            : LivescaleErrors.From(page.Errors);
    }

    private static LivescaleProductView View(Product product)
    {
        var image = product.ImageUrl?.ToString() ?? string.Empty;
        return new LivescaleProductView(
            product.Id,
            product.Title,
            image,
            [.. product.Variants.Select(v => new LivescaleVariantView(v.Id, LivescalePrice.Of(v.Price), [new LivescaleAttributeValue("variant", v.Title)]))],
            product.Description,
            image.Length > 0 ? [image] : null);
    }

    private static IResult? Unsupported(LivescaleCaller caller) =>
        caller.Channel.Supports(ChannelCapabilities.ProductCatalog) ? null : LivescaleErrors.NotSupported(caller.Channel, ChannelCapabilities.ProductCatalog, "catalogs and products");

    private static IResult? UnknownCatalog(LivescaleCaller caller, string catalogId) =>
        string.Equals(catalogId, caller.Channel.Name, StringComparison.OrdinalIgnoreCase) ? null : LivescaleErrors.NotFound("catalog", catalogId);
}
