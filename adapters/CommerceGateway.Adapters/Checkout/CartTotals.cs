namespace CommerceGateway.Adapters;

/// <summary>A cart's amounts as the backend computed them; the gateway never recomputes prices.</summary>
/// <param name="Subtotal">Sum of the lines before discounts, shipping and taxes.</param>
/// <param name="Discounts">Total discount (a positive amount that is subtracted), the loyalty discount included.</param>
/// <param name="Shipping">Shipping cost.</param>
/// <param name="Taxes">Tax amount.</param>
/// <param name="Total">What the buyer pays, after every discount (the loyalty discount included).</param>
/// <param name="TaxesIncluded">True when prices include tax (GROSS taxation), false when tax is added (NET).</param>
/// <param name="LoyaltyDiscount">
/// The part of <paramref name="Discounts"/> that is the loyalty reward's, as the backend took it off
/// the order (see <see cref="CommerceBackend.ApplyLoyaltyDiscountAsync"/>); null when none is applied.
/// </param>
public sealed record CartTotals(Money Subtotal, Money Discounts, Money Shipping, Money Taxes, Money Total, bool TaxesIncluded = false, Money? LoyaltyDiscount = null)
{
    /// <summary>All amounts zero in <paramref name="currency"/>.</summary>
    public static CartTotals Zero(CurrencyCode currency)
    {
        var zero = Money.Zero(currency);
        return new CartTotals(zero, zero, zero, zero, zero);
    }
}
