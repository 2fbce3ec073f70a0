using System.Globalization;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary>
/// <c>GET /catalogs</c>, <c>/catalogs/{id}/categories</c> and
/// <c>/catalogs/{id}/categories/{id}/products</c>, each paged with offset and limit.
/// </summary>
internal static class LivescaleCatalogEndpoints
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/catalogs", (int? offset, int? limit) =>
            Page([LivescaleSeed.Catalog], offset, limit, c => new { c.Id, c.Title, c.Description }));

        group.MapGet("/catalogs/{catalogId}/categories", (string catalogId, int? offset, int? limit) =>
            catalogId != LivescaleSeed.Catalog.Id
                ? NotFound("catalog", catalogId)
                : Page(LivescaleSeed.Categories, offset, limit, c => new { c.Id, c.Title, c.Description }));

        group.MapGet("/catalogs/{catalogId}/categories/{categoryId}/products", (HttpContext http, string catalogId, string categoryId, int? offset, int? limit) =>
        {
            if (catalogId != LivescaleSeed.Catalog.Id)
            {
                return NotFound("catalog", catalogId);
            }

            if (LivescaleSeed.Categories.All(c => c.Id != categoryId))
            {
                return NotFound("category", categoryId);
            }

            var currency = LivescaleAuthFilter.TokenOf(http).Merchant.Currency;
            var products = LivescaleSeed.Products.Where(p => p.CategoryId == categoryId).ToList();
            return Page(products, offset, limit, p => ProductDto(p, currency));
        });
    }

    private static IResult Page<T>(IReadOnlyList<T> items, int? offset, int? limit, Func<T, object> project)
    {
        if (offset is < 0)
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_offset", "offset must be 0 or more.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_limit", $"limit must be between 1 and {MaxLimit}.");
        }

        return LivescaleJson.Json(items.Skip(offset ?? 0).Take(limit ?? DefaultLimit).Select(project).ToList());
    }

    private static object ProductDto(LivescaleProduct product, string currency) => new
    {
        product.Id,
        product.Name,
        product.Brand,
        product.Description,
        product.ShortDescription,
        Image = ImageUrl(product.Id),
        Images = new[] { ImageUrl(product.Id) },
        Variants = product.Variants.Select(v => new
        {
            v.Sku,
            Image = ImageUrl(v.Sku.ToLowerInvariant()),
            Price = new LivescalePriceDto(v.Price, currency),
            AttributeValues = v.Attributes.Select(a => new { a.Key, a.Value }),
        }),
        Attributes = product.Variants.SelectMany(v => v.Attributes).GroupBy(a => a.Key).Select(g => new
        {
            Id = g.Key,
            Name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(g.Key),
            InputType = g.Key == "color" ? "COLOR_SWATCH" : "DROPDOWN",
            Values = g.Select(a => a.Value).Distinct().Select(v => new { Name = v, Value = v }),
        }),
    };

    private static string ImageUrl(string name) => $"https://images.example.com/livescale/{name}.jpg";

    private static IResult NotFound(string what, string id) =>
        LivescaleJson.Error(StatusCodes.Status404NotFound, "not_found", $"No {what} '{id}'.");
}
