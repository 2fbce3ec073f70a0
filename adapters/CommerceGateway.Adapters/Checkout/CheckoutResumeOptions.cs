namespace CommerceGateway.Adapters;

/// <summary>What the buyer accepts when an expired checkout is resumed.</summary>
/// <param name="AllowAlternativeSeats">
/// When a seat the cart held was taken meanwhile, hold the best available seats of the same session
/// and rate instead. Without it, resuming holds the same seats or fails with
/// <see cref="CommerceErrorCodes.SoldOut"/>.
/// </param>
public sealed record CheckoutResumeOptions(bool AllowAlternativeSeats = false)
{
    /// <summary>The same items or nothing.</summary>
    public static CheckoutResumeOptions Default { get; } = new();
}
