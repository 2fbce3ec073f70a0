namespace CommerceGateway.Sandbox.Example;

/// <summary>The shop's seeded products, priced in euros with VAT included.</summary>
internal static class ExampleShopCatalog
{
    public const string Currency = "EUR";

    /// <summary>A product that is always sold out, for the adapter's error-mapping tests.</summary>
    public const string SoldOutSku = "POSTER";

    private static readonly Dictionary<string, (string Name, decimal Price)> Products = new(StringComparer.Ordinal)
    {
        ["TEE-M"] = ("T-shirt, medium", 20.00m),
        ["MUG"] = ("Enamel mug", 12.50m),
        [SoldOutSku] = ("Signed poster", 15.00m),
    };

    public static (string Name, decimal Price) Find(string sku) =>
        Products.TryGetValue(sku, out var product)
            ? product
            : throw ExampleShopException.NotFound("unknown_sku", $"No product has the SKU '{sku}'.");
}
