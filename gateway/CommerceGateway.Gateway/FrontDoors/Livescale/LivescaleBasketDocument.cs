namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// What the protocol keeps on a basket beyond the checkout core's cart (the cart itself is the
/// core's, under the same id): the guest it belongs to, the addresses as Livescale sent them, the
/// chosen payment method and the order made from it.
/// </summary>
/// <param name="CartId">The checkout core's cart, which is the basket's id.</param>
/// <param name="Owner">The OAuth client.</param>
/// <param name="Channel">The channel of the base URL it was made on.</param>
/// <param name="CustomerToken">The guest's <c>customer_token</c> from the login linked to the access token that made it.</param>
internal sealed record LivescaleBasketDocument(string CartId, string Owner, string Channel, string CustomerToken)
{
    public LivescaleAddress? ShippingAddress { get; init; }

    /// <summary>
    /// Kept here as sent, and given to the backend when its protocol takes a billing address; on a channel
    /// whose checkout asks for none it is only shown back (Livescale's payment orchestrator uses it).
    /// </summary>
    public LivescaleAddress? BillingAddress { get; init; }

    /// <summary>The chosen shipping method, chosen again when a backend reopens its delivery step after an item change.</summary>
    public string? ShippingMethod { get; init; }

    public string? PaymentMethod { get; init; }

    /// <summary>The order made from the basket; while it has not failed, the basket is frozen.</summary>
    public string? OrderId { get; init; }
}
