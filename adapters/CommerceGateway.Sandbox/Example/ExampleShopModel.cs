namespace CommerceGateway.Sandbox.Example;

/// <summary>A cart as the shop keeps it. Guarded by the store's lock.</summary>
internal sealed class ShopCart(string id, string currency)
{
    public string Id { get; } = id;

    public string Currency { get; } = currency;

    public string? Email { get; set; }

    public List<ShopLine> Lines { get; } = [];

    /// <summary>Set once checkout succeeded; the cart is closed from then on.</summary>
    public string? OrderId { get; set; }

    /// <summary>The discount the merchant set (e.g. a loyalty reward's), kept while the lines change.</summary>
    public decimal DiscountSet { get; set; }

    public decimal Subtotal => Lines.Sum(l => l.Total);

    /// <summary>The discount taken off: what was set, never more than the lines are worth.</summary>
    public decimal Discount => Math.Min(DiscountSet, Subtotal);

    public decimal Total => Subtotal - Discount;
}

/// <summary>A cart or order line.</summary>
internal sealed record ShopLine(string Sku, string Name, int Quantity, decimal UnitPrice)
{
    public decimal Total => UnitPrice * Quantity;
}

/// <summary>An order: authorized at checkout, captured and refunded later. Guarded by the store's lock.</summary>
internal sealed class ShopOrder(string id, ShopCart cart, string paymentReference, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string CartId { get; } = cart.Id;

    public string Currency { get; } = cart.Currency;

    public IReadOnlyList<ShopLine> Lines { get; } = [.. cart.Lines];

    public decimal Discount { get; } = cart.Discount;

    public decimal Total { get; } = cart.Total;

    public decimal Captured { get; set; }

    public decimal Refunded { get; set; }

    public string PaymentReference { get; } = paymentReference;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>authorized, captured, partially_refunded or refunded.</summary>
    public string Status => Refunded > 0m
        ? Refunded == Captured ? "refunded" : "partially_refunded"
        : Captured > 0m ? "captured" : "authorized";
}
