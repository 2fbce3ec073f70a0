namespace CommerceGateway.Adapters;

/// <summary>A shipping or delivery method the backend offers for a cart.</summary>
/// <param name="Id">The backend's method id.</param>
/// <param name="Title">Display name.</param>
/// <param name="Price">Cost of the method.</param>
public sealed record ShippingOption(string Id, string Title, Money Price);
