namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>An order's amounts, computed from its lines, coupons, shipment and payments.</summary>
internal sealed record GuestManagerTotals(decimal ItemTotal, decimal PromoTotal, decimal ShipTotal, decimal TaxTotal, decimal Total, decimal PaymentTotal)
{
    public static GuestManagerTotals Of(GmOrder order)
    {
        var items = order.LineItems.Sum(l => l.Variant.Price * l.Quantity);
        var discount = Math.Min(items, order.CouponCodes.Sum(c => GuestManagerCatalog.CouponDiscount(c, items) ?? 0m));
        var shipping = order.Shipment?.Cost ?? 0m;
        var paid = order.Payments.Where(p => p.State == "completed").Sum(p => p.Amount);
        return new GuestManagerTotals(items, -discount, shipping, 0m, items - discount + shipping, paid);
    }
}
