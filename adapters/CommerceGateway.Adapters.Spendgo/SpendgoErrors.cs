namespace CommerceGateway.Adapters.Spendgo;

/// <summary>
/// Turns Spendgo's refusals into the SDK's typed errors, keeping Spendgo's code and message:
/// reward rule failures (<c>reward_*</c>) are <see cref="CommerceErrorCodes.RewardNotApplicable"/>,
/// a status the order cannot take is a conflict, unknown members and stores are not found.
/// </summary>
internal static class SpendgoErrors
{
    public static CommerceException ToError(this SpendgoRefusal refusal, string channel)
    {
        var message = refusal.BackendMessage ?? $"The {channel} loyalty backend answered {refusal.Status}.";
        if (refusal.Status == 409)
        {
            return new BackendConflictException(channel, message, refusal.Code);
        }

        var code = refusal.Status switch
        {
            404 => CommerceErrorCodes.NotFound,
            422 when refusal.Code?.StartsWith("reward_", StringComparison.Ordinal) == true => CommerceErrorCodes.RewardNotApplicable,
            400 => CommerceErrorCodes.InvalidInput,
            _ => CommerceErrorCodes.Rejected,
        };
        var field = code == CommerceErrorCodes.RewardNotApplicable || refusal.Code == "one_reward_per_order" ? "rewardId"
            : refusal.Code == "discount_mismatch" ? "discount"
            : null;
        return new BackendRejectedException(channel, code, message, refusal.Code, refusal.BackendMessage, field);
    }
}
