namespace CommerceGateway.Checkout;

/// <summary>
/// Who is calling: the OAuth client id from the access token, or the publishable storefront key's
/// client. Carts, orders and bookings belong to the client that created them.
/// </summary>
/// <param name="ClientId">The owning client's id.</param>
public sealed record ClientContext(string ClientId);
