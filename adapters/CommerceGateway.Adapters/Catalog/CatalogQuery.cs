namespace CommerceGateway.Adapters;

/// <summary>A page request for catalog browsing.</summary>
/// <param name="Offset">Items to skip.</param>
/// <param name="Limit">Maximum items to return (1-100).</param>
/// <param name="CategoryId">Restrict to a category, when the backend has categories.</param>
/// <param name="Search">Free-text filter, when the backend supports it.</param>
public sealed record CatalogQuery(int Offset = 0, int Limit = 20, string? CategoryId = null, string? Search = null);
