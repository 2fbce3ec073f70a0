namespace CommerceGateway.Adapters;

/// <summary>One line of an order.</summary>
/// <param name="Id">The backend's line or item id.</param>
/// <param name="MerchandiseId">What was bought.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Total">Line total.</param>
/// <param name="Title">Display title.</param>
/// <param name="TicketCode">Barcode or ticket code, for ticketed items.</param>
public sealed record OrderLine(string Id, string MerchandiseId, int Quantity, Money Total, string? Title = null, string? TicketCode = null);
