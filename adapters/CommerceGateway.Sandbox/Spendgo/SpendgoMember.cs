namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>Where a member's reward stands.</summary>
internal enum SpendgoRewardState
{
    /// <summary>Can be applied to an order.</summary>
    Available,

    /// <summary>Held by a placed order until it is billed or voided.</summary>
    Locked,

    /// <summary>Removed from the account by a billed order.</summary>
    Redeemed,
}

/// <summary>One reward a member holds. Guarded by the store's lock.</summary>
internal sealed class SpendgoMemberReward(string id, SpendgoRewardDefinition definition)
{
    public string Id { get; } = id;

    public SpendgoRewardDefinition Definition { get; } = definition;

    public SpendgoRewardState State { get; set; }

    /// <summary>The order that locked or redeemed it.</summary>
    public string? OrderId { get; set; }
}

/// <summary>A loyalty member of one account: a points balance and rewards. Guarded by the store's lock.</summary>
internal sealed class SpendgoMember(string accountId, string spendgoId, decimal points)
{
    public string AccountId { get; } = accountId;

    public string SpendgoId { get; } = spendgoId;

    public decimal Points { get; set; } = points;

    public List<SpendgoMemberReward> Rewards { get; } = [];

    /// <summary>The points-banking reward every member holds while the program offers one; never locked or redeemed.</summary>
    public SpendgoMemberReward? Bank { get; set; }
}
