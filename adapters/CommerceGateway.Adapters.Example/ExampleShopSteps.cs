namespace CommerceGateway.Adapters.Example;

/// <summary>
/// ExampleShop's checkout steps: Email (the shop refuses checkout without one), then Payment. The
/// SDK's <see cref="CheckoutState"/> tells the front-end what is still missing, so the steps are
/// recomputed after every change once checkout has begun.
/// </summary>
internal static class ExampleShopSteps
{
    public static CheckoutState Open(Cart cart, CheckoutStatus status = CheckoutStatus.Open, string? failureReason = null)
    {
        CheckoutStep[] steps =
        [
            cart.Buyer?.Email is null ? CheckoutStep.Needs(CheckoutStepKind.Email, "buyer.email") : CheckoutStep.Done(CheckoutStepKind.Email),
            CheckoutStep.Needs(CheckoutStepKind.Payment, "payment"),
        ];
        return new CheckoutState(steps, steps.First(s => !s.Completed).Kind, status, FailureReason: failureReason);
    }

    public static CheckoutState Completed() =>
        new([CheckoutStep.Done(CheckoutStepKind.Email), CheckoutStep.Done(CheckoutStepKind.Payment), CheckoutStep.Done(CheckoutStepKind.Complete)], CheckoutStepKind.Complete, CheckoutStatus.Complete);

    /// <summary>Recomputes the steps of a begun, unfinished checkout; a cart before checkout or after payment is left alone.</summary>
    public static Cart Refresh(Cart cart) =>
        cart.Checkout.Steps.Count == 0 || cart.Checkout.Status is CheckoutStatus.Complete or CheckoutStatus.Processing
            ? cart
            : cart with { Checkout = Open(cart, cart.Checkout.Status, cart.Checkout.FailureReason) };
}
