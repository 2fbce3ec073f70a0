namespace CommerceGateway.Sandbox.Example;

/// <summary>The shop's JSON answers. Amounts are decimal strings with two decimals.</summary>
internal static class ExampleShopViews
{
    public static object Cart(ShopCart cart) => new
    {
        id = cart.Id,
        currency = cart.Currency,
        email = cart.Email,
        status = cart.OrderId is null ? "open" : "ordered",
        orderId = cart.OrderId,
        lines = cart.Lines.Select(Line).ToList(),
        discount = ExampleShopStore.Format(cart.Discount),
        total = ExampleShopStore.Format(cart.Total),
    };

    public static object Order(ShopOrder order) => new
    {
        id = order.Id,
        cartId = order.CartId,
        status = order.Status,
        currency = order.Currency,
        lines = order.Lines.Select(Line).ToList(),
        discount = ExampleShopStore.Format(order.Discount),
        total = ExampleShopStore.Format(order.Total),
        captured = ExampleShopStore.Format(order.Captured),
        refunded = ExampleShopStore.Format(order.Refunded),
        paymentReference = order.PaymentReference,
        createdAt = order.CreatedAt,
    };

    private static object Line(ShopLine line) => new
    {
        sku = line.Sku,
        name = line.Name,
        quantity = line.Quantity,
        unitPrice = ExampleShopStore.Format(line.UnitPrice),
        total = ExampleShopStore.Format(line.Total),
    };
}
