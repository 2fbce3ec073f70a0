namespace CommerceGateway.Adapters;

/// <summary>A cart's checkout: the ordered steps this backend requires and the current one.</summary>
/// <param name="Steps">The steps in the order the backend walks them.</param>
/// <param name="Current">The step the buyer is on; null before checkout begins.</param>
/// <param name="Status">Overall status.</param>
/// <param name="PollAfter">While processing: how long to wait before asking again.</param>
/// <param name="FailureReason">After a failed payment: the reason the backend gave.</param>
public sealed record CheckoutState(
    IReadOnlyList<CheckoutStep> Steps,
    CheckoutStepKind? Current,
    CheckoutStatus Status,
    TimeSpan? PollAfter = null,
    string? FailureReason = null)
{
    /// <summary>A checkout that has not begun.</summary>
    public static CheckoutState NotStarted { get; } = new([], null, CheckoutStatus.Open);

    /// <summary>The first incomplete step, which is where the buyer should go next.</summary>
    public CheckoutStep? NextIncomplete => Steps.FirstOrDefault(s => !s.Completed);
}
