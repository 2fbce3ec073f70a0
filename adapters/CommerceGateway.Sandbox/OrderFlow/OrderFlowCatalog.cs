namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>
/// The products the sandbox knows. OrderFlow has no catalog endpoint: the caller sends each item's
/// price, and the sandbox checks it against these seeded prices, as a real shop would.
/// </summary>
internal static class OrderFlowCatalog
{
    /// <summary>A product that is always sold out.</summary>
    public const string SoldOutProductId = "4567";

    /// <summary>A product that is not on sale.</summary>
    public const string OffSaleProductId = "5678";

    private static readonly Dictionary<string, SeededProduct> Products = new(StringComparer.Ordinal)
    {
        ["1234"] = new("1234", "Canvas tote bag", 50m, OnSale: true),
        ["2345"] = new("2345", "Wool blanket", 100m, OnSale: true),
        ["3456"] = new("3456", "Enamel mug", 19.99m, OnSale: true),
        [SoldOutProductId] = new(SoldOutProductId, "Signed poster", 75m, OnSale: true),
        [OffSaleProductId] = new(OffSaleProductId, "Last season's cap", 25m, OnSale: false),
    };

    public static SeededProduct? Find(string productId) => Products.GetValueOrDefault(productId);

    internal sealed record SeededProduct(string Id, string Title, decimal Price, bool OnSale);
}
