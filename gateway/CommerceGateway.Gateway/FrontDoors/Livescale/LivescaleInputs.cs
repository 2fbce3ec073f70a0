namespace CommerceGateway.Gateway.FrontDoors.Livescale;

// The spec's request bodies; every field is optional in the spec, so each call checks what it needs.

/// <summary><c>CustomerLoginBody</c>.</summary>
internal sealed record LivescaleLoginInput(string? Type);

/// <summary>An entry of <c>ItemsBody</c>, and <c>ItemBody</c>: an item id (the variant's sku) and a quantity.</summary>
internal sealed record LivescaleItemInput(string? Id, int? Quantity);

/// <summary><c>CustomerBody</c>.</summary>
internal sealed record LivescaleCustomerInput(string? Id, string? Email);

/// <summary><c>ShippingMethodBody</c> and <c>PaymentMethodBody</c>.</summary>
internal sealed record LivescaleIdInput(string? Id);

/// <summary><c>PromotionBody</c>.</summary>
internal sealed record LivescalePromotionInput(string? Coupon);

/// <summary>
/// <c>OrderBody</c>. The PSP fields are not in the spec's body; when Livescale sends the authorized
/// transaction with the order, it counts as the authorization report.
/// </summary>
internal sealed record LivescaleOrderInput(string? BasketId, string? PspTransactionId = null, string? PspName = null);

/// <summary><c>UpdateOrderBody</c>: the authorization (<c>status</c>) and the capture (<c>payment_status</c>).</summary>
internal sealed record LivescaleOrderUpdate(string? CardType, string? Status, string? PaymentStatus, string? PspName, string? PspTransactionId, string? Reason)
{
    /// <summary>Redacts the PSP reference.</summary>
    public override string ToString() => $"LivescaleOrderUpdate {{ Status = {Status}, PaymentStatus = {PaymentStatus} }}";
}
