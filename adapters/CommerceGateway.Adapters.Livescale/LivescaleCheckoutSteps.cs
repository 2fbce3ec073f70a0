namespace CommerceGateway.Adapters.Livescale;

/// <summary>
/// The steps of the Livescale standard flow: customer email, shipping and billing address,
/// shipping method, then payment (LIVESCALE payment method, order, authorization report).
/// </summary>
internal static class LivescaleCheckoutSteps
{
    /// <summary>The cart's steps recomputed from what it holds; unchanged before checkout begins or after it ends.</summary>
    public static CheckoutState Refresh(Cart cart) =>
        cart.Checkout.Steps.Count == 0 || cart.Checkout.Status == CheckoutStatus.Complete ? cart.Checkout : Compute(cart, cart.Checkout.Status);

    /// <summary>The steps of <paramref name="cart"/> with <paramref name="status"/>.</summary>
    public static CheckoutState Compute(Cart cart, CheckoutStatus status, string? failureReason = null)
    {
        var address = new List<string>();
        if (cart.ShippingAddress is null)
        {
            address.Add("shippingAddress");
        }

        if (cart.BillingAddress is null)
        {
            address.Add("billingAddress");
        }

        CheckoutStep[] steps =
        [
            cart.Buyer?.Email is null ? CheckoutStep.Needs(CheckoutStepKind.Email, "buyer.email") : CheckoutStep.Done(CheckoutStepKind.Email),
            CheckoutStep.Needs(CheckoutStepKind.Address, [.. address]),
            cart.ShippingOption is null ? CheckoutStep.Needs(CheckoutStepKind.Delivery, "shippingOption") : CheckoutStep.Done(CheckoutStepKind.Delivery),
            CheckoutStep.Needs(CheckoutStepKind.Payment, "payment"),
        ];
        return new CheckoutState(steps, steps.First(s => !s.Completed).Kind, status, FailureReason: failureReason);
    }

    /// <summary>The checkout of a cart whose order was placed.</summary>
    public static CheckoutState Completed(Cart cart)
    {
        var steps = Compute(cart, CheckoutStatus.Open).Steps
            .Select(s => CheckoutStep.Done(s.Kind))
            .Append(CheckoutStep.Done(CheckoutStepKind.Complete))
            .ToList();
        return new CheckoutState(steps, CheckoutStepKind.Complete, CheckoutStatus.Complete);
    }
}
