namespace CommerceGateway.Sandbox.Livescale;

/// <summary>
/// The demo merchant behind the Livescale sandbox: two stores (one per client id), one catalog,
/// products with variants (one sold out), coupons and shipping methods.
/// </summary>
internal static class LivescaleSeed
{
    /// <summary>A US store: prices exclude tax, 8% sales tax is added (NET taxation).</summary>
    public static readonly LivescaleMerchant UsStore = new("livescale-demo", "livescale-demo-secret", "USD", LivescaleTaxation.Net, 0.08m);

    /// <summary>A European store: prices include 20% VAT (GROSS taxation).</summary>
    public static readonly LivescaleMerchant EuStore = new("livescale-demo-eu", "livescale-demo-eu-secret", "EUR", LivescaleTaxation.Gross, 0.20m);

    public static readonly IReadOnlyList<LivescaleMerchant> Merchants = [UsStore, EuStore];

    public static readonly LivescaleCatalogEntry Catalog = new("live-shop", "Live Shop", "Everything shown during the live events.");

    public static readonly IReadOnlyList<LivescaleCatalogEntry> Categories =
    [
        new("apparel", "Apparel", "Tees, hoodies and joggers."),
        new("accessories", "Accessories", "Caps and mugs."),
    ];

    /// <summary>Units in stock per SKU when the sandbox starts.</summary>
    public static readonly IReadOnlyDictionary<string, int> InitialStock = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["TEE-BLK-M"] = 50,
        ["TEE-BLK-L"] = 50,
        ["TEE-WHT-M"] = 0,
        ["HOOD-GRY-M"] = 20,
        ["HOOD-GRY-L"] = 20,
        ["JOG-NVY-M"] = 15,
        ["CAP-RED"] = 30,
        ["MUG-WHT"] = 40,
    };

    public static readonly IReadOnlyList<LivescaleProduct> Products =
    [
        new("tee-classic", "apparel", "Classic Tee", "Livescale", "A heavyweight cotton tee.", "Cotton tee",
        [
            new("TEE-BLK-M", 19.99m, [new("color", "Black"), new("size", "M")]),
            new("TEE-BLK-L", 19.99m, [new("color", "Black"), new("size", "L")]),
            new("TEE-WHT-M", 21.50m, [new("color", "White"), new("size", "M")]),
        ]),
        new("hoodie", "apparel", "Studio Hoodie", "Livescale", "A fleece hoodie for long streams.", "Fleece hoodie",
        [
            new("HOOD-GRY-M", 49.00m, [new("color", "Grey"), new("size", "M")]),
            new("HOOD-GRY-L", 49.00m, [new("color", "Grey"), new("size", "L")]),
        ]),
        new("joggers", "apparel", "Joggers", "Livescale", "Soft joggers.", "Joggers",
        [
            new("JOG-NVY-M", 35.00m, [new("color", "Navy"), new("size", "M")]),
        ]),
        new("cap", "accessories", "Logo Cap", "Livescale", "A six-panel cap.", "Cap",
        [
            new("CAP-RED", 15.00m, [new("color", "Red")]),
        ]),
        new("mug", "accessories", "Studio Mug", "Livescale", "A 350 ml ceramic mug.", "Mug",
        [
            new("MUG-WHT", 12.50m, [new("color", "White")]),
        ]),
    ];

    public static readonly IReadOnlyList<LivescaleCoupon> Coupons =
    [
        new("WELCOME10", "10% off your first order", LivescaleDiscountType.Percentage, 10m),
        new("FIVEOFF", "5 off the basket", LivescaleDiscountType.Amount, 5m),
        new("FREESHIP", "Free shipping", LivescaleDiscountType.Free, 0m),
    ];

    public static readonly IReadOnlyList<LivescaleShippingMethod> ShippingMethods =
    [
        new("standard", "Standard", "Delivered in 3 to 5 business days.", "UPS", 5.00m),
        new("express", "Express", "Delivered the next business day.", "FedEx", 15.00m),
    ];

    public static LivescaleProduct? FindProductBySku(string sku) =>
        Products.FirstOrDefault(p => p.Variants.Any(v => v.Sku == sku));

    public static LivescaleVariant? FindVariant(string sku) =>
        Products.SelectMany(p => p.Variants).FirstOrDefault(v => v.Sku == sku);
}
