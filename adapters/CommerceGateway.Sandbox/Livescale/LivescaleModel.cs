namespace CommerceGateway.Sandbox.Livescale;

/// <summary>How a store's prices relate to tax.</summary>
internal enum LivescaleTaxation
{
    /// <summary>Prices exclude tax; tax is added to the total.</summary>
    Net,

    /// <summary>Prices include tax; the tax is the part of the total that is tax.</summary>
    Gross,
}

/// <summary>The kinds of value a coupon has (the spec's Discount.value_type).</summary>
internal enum LivescaleDiscountType
{
    Amount,
    Percentage,
    Free,
}

/// <summary>One merchant store, reached with its own client credentials.</summary>
internal sealed record LivescaleMerchant(string ClientId, string ClientSecret, string Currency, LivescaleTaxation Taxation, decimal TaxRate);

/// <summary>A catalog or a category.</summary>
internal sealed record LivescaleCatalogEntry(string Id, string Title, string Description);

/// <summary>A product of the seeded catalog.</summary>
internal sealed record LivescaleProduct(
    string Id, string CategoryId, string Name, string Brand, string Description, string ShortDescription, IReadOnlyList<LivescaleVariant> Variants);

/// <summary>A purchasable variant; its SKU is what baskets refer to.</summary>
internal sealed record LivescaleVariant(string Sku, decimal Price, IReadOnlyList<LivescaleAttributeValue> Attributes);

/// <summary>A variant's value of one attribute, e.g. color = Black.</summary>
internal sealed record LivescaleAttributeValue(string Key, string Value);

/// <summary>A coupon a buyer can enter.</summary>
internal sealed record LivescaleCoupon(string Code, string Name, LivescaleDiscountType Type, decimal Value);

/// <summary>A shipping method offered once a basket has a shipping address.</summary>
internal sealed record LivescaleShippingMethod(string Id, string Name, string Description, string Carrier, decimal Price);

/// <summary>An access token issued by <c>POST /oauth/token</c> and the guest session linked to it.</summary>
internal sealed class LivescaleAccessToken(string value, LivescaleMerchant merchant, DateTimeOffset expiresAt)
{
    public string Value { get; } = value;

    public LivescaleMerchant Merchant { get; } = merchant;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>The customer_token of the latest guest login made with this access token.</summary>
    public string? CustomerToken { get; set; }
}

/// <summary>A line of a basket.</summary>
internal sealed class LivescaleBasketItem(string id, string sku, int quantity)
{
    public string Id { get; } = id;

    public string Sku { get; } = sku;

    public int Quantity { get; set; } = quantity;
}

/// <summary>A guest basket; mutated only under <see cref="LivescaleState"/>'s lock.</summary>
internal sealed class LivescaleBasket(string id, LivescaleMerchant merchant, string customerToken)
{
    public string Id { get; } = id;

    public LivescaleMerchant Merchant { get; } = merchant;

    /// <summary>The guest session that created the basket.</summary>
    public string CustomerToken { get; } = customerToken;

    public List<LivescaleBasketItem> Items { get; } = [];

    public string? Email { get; set; }

    public LivescaleAddress? ShippingAddress { get; set; }

    public LivescaleAddress? BillingAddress { get; set; }

    public string? ShippingMethodId { get; set; }

    public List<string> Coupons { get; } = [];

    public string? PaymentMethodId { get; set; }

    /// <summary>The order being paid for this basket; the basket is frozen while it is set.</summary>
    public string? OrderId { get; set; }
}

/// <summary>An order created from a basket; mutated only under <see cref="LivescaleState"/>'s lock.</summary>
internal sealed class LivescaleOrder(string id, LivescaleBasket basket, decimal totalInvoiced, IReadOnlyDictionary<string, int> reserved)
{
    public string Id { get; } = id;

    public LivescaleBasket Basket { get; } = basket;

    public decimal TotalInvoiced { get; } = totalInvoiced;

    /// <summary>Units taken from stock per SKU, given back if the order fails.</summary>
    public IReadOnlyDictionary<string, int> Reserved { get; } = reserved;

    public string Status { get; set; } = LivescaleOrderStatus.Pending;

    public string PaymentStatus { get; set; } = LivescaleOrderStatus.Pending;

    public decimal TotalPaid { get; set; }

    public string? PspName { get; set; }

    public string? PspTransactionId { get; set; }

    public string? CardType { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The status words of orders.</summary>
internal static class LivescaleOrderStatus
{
    public const string Pending = "PENDING";
    public const string New = "NEW";
    public const string Failed = "FAILED";
    public const string Authorized = "AUTHORIZED";
    public const string Paid = "PAID";
}
