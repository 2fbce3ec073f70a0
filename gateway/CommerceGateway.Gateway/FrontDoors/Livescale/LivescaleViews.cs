using CommerceGateway.Adapters;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

// The spec's response schemas, as the front door writes them (snake_case, nulls left out).

/// <summary><c>Price</c>.</summary>
internal sealed record LivescalePrice(decimal Amount, string Currency)
{
    public static LivescalePrice Of(Money money) => new(money.Amount, money.Currency.Code);
}

/// <summary><c>Catalog</c> and <c>Category</c>.</summary>
internal sealed record LivescaleCatalogView(string Id, string Title, string? Description = null);

/// <summary><c>AttributeValue</c>.</summary>
internal sealed record LivescaleAttributeValue(string Key, string Value);

/// <summary><c>Variant</c>: its sku is the id items are added with.</summary>
internal sealed record LivescaleVariantView(string Sku, LivescalePrice Price, IReadOnlyList<LivescaleAttributeValue> AttributeValues, string? Image = null);

/// <summary><c>Product</c>.</summary>
internal sealed record LivescaleProductView(string Id, string Name, string Image, IReadOnlyList<LivescaleVariantView> Variants, string? Description = null, IReadOnlyList<string>? Images = null);

/// <summary><c>Item</c>: <c>id</c> is the basket line's, <c>sku</c> the variant's.</summary>
internal sealed record LivescaleItemView(string Id, string Sku, int Quantity, LivescalePrice Price, string? Name = null);

/// <summary><c>Customer</c>.</summary>
internal sealed record LivescaleCustomerView(string Id, string Email);

/// <summary><c>Discount</c>: one per applied code; the backend's amounts are in <c>discounts_total</c>.</summary>
internal sealed record LivescaleDiscountView(string Name, string Code, string AppliedOn = "BASKET");

/// <summary><c>ShippingMethod</c>.</summary>
internal sealed record LivescaleShippingMethodView(string Id, string Name, LivescalePrice Price);

/// <summary><c>PaymentMethod</c>.</summary>
internal sealed record LivescalePaymentMethodView(string Id, string Name);

/// <summary><c>Basket</c>.</summary>
internal sealed record LivescaleBasketView(
    string Id,
    string Currency,
    LivescaleCustomerView? Customer,
    IReadOnlyList<LivescaleItemView> Items,
    LivescaleAddress? ShippingAddress,
    LivescaleAddress? BillingAddress,
    IReadOnlyList<object> GiftCards,
    IReadOnlyList<LivescaleDiscountView> Discounts,
    string Taxation,
    decimal SubTotal,
    decimal GiftCardsTotal,
    decimal DiscountsTotal,
    decimal ShippingTotal,
    decimal TaxesTotal,
    decimal Total)
{
    public static LivescaleBasketView Of(Cart cart, LivescaleBasketDocument basket) => new(
        cart.Id,
        cart.Currency.Code,
        cart.Buyer?.Email is { } email ? new LivescaleCustomerView(basket.CustomerToken, email) : null,
        [.. cart.Lines.Select(l => new LivescaleItemView(l.Id, l.MerchandiseId, l.Quantity, LivescalePrice.Of(l.UnitPrice), l.Title))],
        basket.ShippingAddress,
        basket.BillingAddress,
        [],
        [.. cart.DiscountCodes.Select(c => new LivescaleDiscountView(c, c))],
        cart.Totals.TaxesIncluded ? "GROSS" : "NET",
        cart.Totals.Subtotal.Amount,
        0m,
        cart.Totals.Discounts.Amount,
        cart.Totals.Shipping.Amount,
        cart.Totals.Taxes.Amount,
        cart.Totals.Total.Amount);
}

/// <summary>
/// <c>Order</c>, with what the spec leaves open: the currency, the basket, the PSP transaction, the
/// failure's reason and the merchant's order id once the backend has the order.
/// </summary>
internal sealed record LivescaleOrderView(
    string Id,
    string Status,
    string PaymentStatus,
    decimal TotalInvoiced,
    decimal TotalPaid,
    string Currency,
    string BasketId,
    string? PspTransactionId,
    string? Reason,
    string? MerchantOrderId)
{
    public static LivescaleOrderView Of(LivescaleOrderDocument order) => new(
        order.Id, order.Status, order.PaymentStatus, order.Total, order.Paid, order.Currency, order.CartId, order.PspTransactionId, order.Reason, order.MerchantOrderId);
}
