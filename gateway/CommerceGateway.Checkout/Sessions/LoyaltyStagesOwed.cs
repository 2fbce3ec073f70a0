using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>
/// Loyalty stages an order still owes its program because a call failed after money moved (points
/// for a completed order, a refund or void taking them back). Stored on the order so any replica
/// retries them: on the next read or change of the order, and from the background follow-up with
/// exponential backoff, until they are accepted or the gateway gives up.
/// </summary>
/// <param name="Stages">The stages not yet accepted, in the order they are sent.</param>
/// <param name="Since">When the first of them failed.</param>
/// <param name="Attempts">Failed attempts so far, the first included.</param>
/// <param name="NextAttemptAt">When the background follow-up tries again.</param>
/// <param name="LastError">The error code of the last failed attempt.</param>
/// <param name="GaveUp">True once retries stopped (<see cref="CheckoutOptions.LoyaltyRetryGiveUpAfter"/>); the stages then need a manual fix.</param>
public sealed record LoyaltyStagesOwed(
    IReadOnlyList<LoyaltyOrderStatus> Stages,
    DateTimeOffset Since,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string LastError,
    bool GaveUp = false);
