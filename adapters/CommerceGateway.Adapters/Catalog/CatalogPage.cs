namespace CommerceGateway.Adapters;

/// <summary>A page of catalog items.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Offset">Offset of the first item.</param>
/// <param name="Total">Total items, when the backend tells.</param>
public sealed record CatalogPage<T>(IReadOnlyList<T> Items, int Offset, int? Total)
{
    /// <summary>True when the backend reports more items after this page.</summary>
    public bool HasMore => Total is { } total && Offset + Items.Count < total;
}
