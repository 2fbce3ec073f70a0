namespace CommerceGateway.Adapters;

/// <summary>What a new cart starts with.</summary>
/// <param name="CartId">The gateway's id for the cart (the adapter keeps the backend's own id in <see cref="Cart.Backend"/>).</param>
/// <param name="Currency">The cart's currency.</param>
/// <param name="Buyer">The buyer, when already known.</param>
public sealed record CartCreation(string CartId, CurrencyCode Currency, Buyer? Buyer = null);
