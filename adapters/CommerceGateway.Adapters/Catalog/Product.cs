namespace CommerceGateway.Adapters;

/// <summary>A catalog product with at least one variant.</summary>
/// <param name="Id">The backend's product id.</param>
/// <param name="Title">Display title.</param>
/// <param name="Variants">Purchasable variants.</param>
/// <param name="Description">Description, plain text.</param>
/// <param name="ImageUrl">Main image.</param>
public sealed record Product(string Id, string Title, IReadOnlyList<ProductVariant> Variants, string? Description = null, Uri? ImageUrl = null);
