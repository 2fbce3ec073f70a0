namespace CommerceGateway.Adapters;

/// <summary>A cart item as the loyalty backend sees it (for reward eligibility).</summary>
/// <param name="Sku">Item id or SKU.</param>
/// <param name="Name">Display name.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Price of one unit.</param>
public sealed record LoyaltyItem(string Sku, string Name, int Quantity, Money UnitPrice);
