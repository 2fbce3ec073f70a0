namespace CommerceGateway.Adapters.Livescale;

/// <summary>What the adapter keeps in <see cref="BackendData"/> between calls.</summary>
internal static class LivescaleKeys
{
    /// <summary>The merchant's basket id.</summary>
    public const string BasketId = "livescale.basketId";

    /// <summary>The guest session's customer_token (an id, not a credential).</summary>
    public const string CustomerToken = "livescale.customerToken";

    /// <summary>The PSP name the payment was reported with.</summary>
    public const string PspName = "livescale.pspName";

    /// <summary>When the merchant accepted the authorization (round-trip time), from which its lifetime runs.</summary>
    public const string AuthorizedAt = "livescale.authorizedAt";

    /// <summary>The merchant's order id of the last failed payment attempt.</summary>
    public const string FailedOrderId = "livescale.failedOrderId";
}
