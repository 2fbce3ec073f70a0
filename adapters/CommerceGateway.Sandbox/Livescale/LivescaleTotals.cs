namespace CommerceGateway.Sandbox.Livescale;

/// <summary>A basket's amounts, computed from its items, coupons, shipping method and the store's taxation.</summary>
internal sealed record LivescaleTotals(
    decimal SubTotal,
    decimal DiscountsTotal,
    decimal ShippingTotal,
    decimal TaxesTotal,
    decimal Total,
    IReadOnlyList<LivescaleDiscountDto> Discounts)
{
    /// <summary>
    /// sub_total is the sum of the lines; item coupons come off it (never below zero) and FREE
    /// coupons cancel shipping. NET stores add tax on what remains (items and shipping); GROSS
    /// stores' prices already hold it, so taxes_total is the tax part of the total.
    /// </summary>
    public static LivescaleTotals Compute(LivescaleBasket basket)
    {
        var merchant = basket.Merchant;
        var subTotal = basket.Items.Sum(i => (LivescaleSeed.FindVariant(i.Sku)?.Price ?? 0m) * i.Quantity);
        var shipping = LivescaleSeed.ShippingMethods.FirstOrDefault(m => m.Id == basket.ShippingMethodId)?.Price ?? 0m;

        var discounts = new List<LivescaleDiscountDto>();
        var itemDiscounts = 0m;
        var shippingDiscount = 0m;
        foreach (var code in basket.Coupons)
        {
            var coupon = LivescaleSeed.Coupons.First(c => c.Code == code);
            var (appliedOn, amount) = coupon.Type switch
            {
                LivescaleDiscountType.Percentage => ("BASKET", Math.Min(Round(subTotal * coupon.Value / 100m), subTotal - itemDiscounts)),
                LivescaleDiscountType.Amount => ("BASKET", Math.Min(coupon.Value, subTotal - itemDiscounts)),
                _ => ("SHIPPING", shipping - shippingDiscount),
            };
            if (appliedOn == "SHIPPING")
            {
                shippingDiscount += amount;
            }
            else
            {
                itemDiscounts += amount;
            }

            discounts.Add(new LivescaleDiscountDto(
                coupon.Name, coupon.Code, appliedOn, coupon.Type.ToString().ToUpperInvariant(), coupon.Value, amount, merchant.Currency));
        }

        var discountsTotal = itemDiscounts + shippingDiscount;
        var taxable = subTotal - discountsTotal + shipping;
        var (taxes, total) = merchant.Taxation == LivescaleTaxation.Net
            ? (Round(taxable * merchant.TaxRate), taxable + Round(taxable * merchant.TaxRate))
            : (Round(taxable * merchant.TaxRate / (1m + merchant.TaxRate)), taxable);
        return new LivescaleTotals(subTotal, discountsTotal, shipping, taxes, total, discounts);
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
