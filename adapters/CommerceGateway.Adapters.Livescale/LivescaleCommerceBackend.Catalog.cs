namespace CommerceGateway.Adapters.Livescale;

/// <content>Catalog browsing.</content>
public sealed partial class LivescaleCommerceBackend
{
    /// <summary>
    /// A page of a category's products (<c>GET /catalogs/{id}/categories/{id}/products</c> with
    /// offset and limit). The catalog is the <c>CatalogId</c> setting or the merchant's first; the
    /// category is the query's, the <c>CategoryId</c> setting, or the catalog's first. Each
    /// variant's SKU is its merchandise id. The protocol gives no total count and no stock level,
    /// so the page's Total is null and availability shows only when adding to the basket.
    /// </summary>
    public override async Task<CatalogPage<Product>> GetProductsAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0 || query.Limit is < 1 or > 100)
        {
            throw Invalid("Offset must be 0 or more and limit between 1 and 100.", "limit");
        }

        if (query.Search is not null)
        {
            throw Invalid("The Livescale Shopping API has no product search; browse by category.", "search");
        }

        var catalogId = Channel.Setting("CatalogId") ?? await FirstIdAsync("catalogs", "catalog", cancellationToken);
        var categoriesPath = $"catalogs/{Uri.EscapeDataString(catalogId)}/categories";
        var categoryId = query.CategoryId ?? Channel.Setting("CategoryId") ?? await FirstIdAsync(categoriesPath, "category", cancellationToken);
        var path = $"{categoriesPath}/{Uri.EscapeDataString(categoryId)}/products?offset={query.Offset}&limit={query.Limit}";

        using var document = await _client.SendAsync(new LivescaleCall("GetProducts", HttpMethod.Get, path), cancellationToken);
        var products = document.Root(Channel.Name).Items().Select(ReadProduct).ToList();
        return new CatalogPage<Product>(products, query.Offset, Total: null);
    }

    private async Task<string> FirstIdAsync(string path, string what, CancellationToken cancellationToken)
    {
        using var document = await _client.SendAsync(new LivescaleCall("GetProducts", HttpMethod.Get, path + "?offset=0&limit=1"), cancellationToken);
        return document.Root(Channel.Name).Items().Select(c => c.Required("id").AsText()).FirstOrDefault()
            ?? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.NotFound, $"The {Channel.Name} merchant has no {what}.");
    }

    private static Product ReadProduct(BackendJsonValue product)
    {
        var variants = product.Required("variants").Items().Select(v =>
        {
            var sku = v.Required("sku").AsString();
            var title = v.Optional("attribute_values")?.Items().Select(a => a.Required("value").AsString()).ToList() is { Count: > 0 } values
                ? string.Join(" / ", values)
                : sku;

            // A variant without a price cannot be put in a basket.
            return v.Optional("price") is { } price
                ? new ProductVariant(sku, title, price.Required("amount").AsMoney(price.Required("currency").AsCurrency()), sku)
                : null;
        }).OfType<ProductVariant>().ToList();

        if (variants.Count == 0)
        {
            throw product.Required("variants").Problem("expected at least one variant with a price");
        }

        var image = product.Required("image").AsString();
        return new Product(
            product.Required("id").AsText(),
            product.Required("name").AsString(),
            variants,
            product.Optional("description")?.AsString() ?? product.Optional("short_description")?.AsString(),
            Uri.TryCreate(image, UriKind.Absolute, out var imageUrl) ? imageUrl : null);
    }
}
