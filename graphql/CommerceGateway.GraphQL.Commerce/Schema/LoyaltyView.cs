using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>
/// What the <c>CartLoyalty</c> type shows: the attachment, plus on an order the stages it still owes
/// the program (a cart owes none: until payment nothing is owed).
/// </summary>
/// <param name="Attachment">The member, store, reward and last accepted stage.</param>
/// <param name="Owed">The order's owed stages; null when in step or for a cart.</param>
internal sealed record LoyaltyView(LoyaltyAttachment Attachment, LoyaltyStagesOwed? Owed)
{
    /// <summary>The GraphQL name of <see cref="Sync"/>.</summary>
    public string Sync => Owed switch
    {
        null => "IN_SYNC",
        { GaveUp: true } => "GAVE_UP",
        _ => "RETRYING",
    };

    /// <summary>A view of <paramref name="attachment"/>, or null without one.</summary>
    public static LoyaltyView? Of(LoyaltyAttachment? attachment, LoyaltyStagesOwed? owed = null) =>
        attachment is null ? null : new LoyaltyView(attachment, owed);
}
