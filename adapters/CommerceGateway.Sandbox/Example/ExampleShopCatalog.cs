namespace CommerceGateway.Sandbox.Example;

/// <summary>
/// The shop's seeded products, VAT included, with a price in each currency it sells in: euros, and
/// dollars for its US storefront (the one that earns in the dollar-only Spendgo demo program).
/// </summary>
internal static class ExampleShopCatalog
{
    /// <summary>A product that is always sold out, for the adapter's error-mapping tests.</summary>
    public const string SoldOutSku = "POSTER";

    /// <summary>The currencies a cart can be priced in.</summary>
    public static readonly IReadOnlyList<string> Currencies = ["EUR", "USD"];

    private static readonly Dictionary<string, (string Name, decimal Eur, decimal Usd)> Products = new(StringComparer.Ordinal)
    {
        ["TEE-M"] = ("T-shirt, medium", 20.00m, 22.00m),
        ["MUG"] = ("Enamel mug", 12.50m, 14.00m),
        [SoldOutSku] = ("Signed poster", 15.00m, 16.50m),
    };

    /// <summary>The product's name; an unknown SKU is 404 <c>unknown_sku</c>.</summary>
    public static string Find(string sku) =>
        Products.TryGetValue(sku, out var product)
            ? product.Name
            : throw ExampleShopException.NotFound("unknown_sku", $"No product has the SKU '{sku}'.");

    /// <summary>The product's price in one of <see cref="Currencies"/>.</summary>
    public static decimal Price(string sku, string currency) => currency switch
    {
        "EUR" => Products[sku].Eur,
        "USD" => Products[sku].Usd,
        _ => throw new ArgumentOutOfRangeException(nameof(currency), currency, "Carts are created in a currency the shop sells in."),
    };
}
