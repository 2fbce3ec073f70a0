namespace CommerceGateway.Adapters;

/// <summary>A purchasable variant of a product; cart lines refer to variants.</summary>
/// <param name="Id">The id used as a cart line's merchandise id.</param>
/// <param name="Title">Display title, e.g. "Red / M".</param>
/// <param name="Price">Unit price.</param>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="Available">False when sold out or off sale.</param>
public sealed record ProductVariant(string Id, string Title, Money Price, string? Sku = null, bool Available = true);
