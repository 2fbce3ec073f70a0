using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>The outcome of sending stages: the status reached, the stages still owed and why the first of them failed.</summary>
internal sealed record StageRun(LoyaltyOrderStatus? Status, IReadOnlyList<LoyaltyOrderStatus> Owed, string? Code)
{
    public static StageRun None { get; } = new(null, [], null);
}
