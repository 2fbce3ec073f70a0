namespace CommerceGateway.Adapters;

/// <summary>
/// The contract of a loyalty program adapter for one loyalty channel. Like
/// <see cref="CommerceBackend"/>, one instance per channel, safe for concurrent use.
/// </summary>
public abstract class LoyaltyBackend
{
    /// <summary>Creates the backend for <paramref name="channel"/>.</summary>
    protected LoyaltyBackend(Channel channel) => Channel = channel ?? throw new ArgumentNullException(nameof(channel));

    /// <summary>The loyalty channel this instance serves.</summary>
    public Channel Channel { get; }

    /// <summary>A member's points balance.</summary>
    public abstract Task<LoyaltyBalance> GetBalanceAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>The rewards a member can use at a store.</summary>
    public abstract Task<IReadOnlyList<LoyaltyReward>> GetRewardsAsync(string memberId, string storeCode, CancellationToken cancellationToken);

    /// <summary>
    /// Reports one lifecycle stage of an order. Must be safe to repeat: the same order and status
    /// sent twice has the effect of sending it once (no double points, no double reward use).
    /// A reward that does not apply is a <see cref="BackendRejectedException"/> with
    /// <see cref="CommerceErrorCodes.RewardNotApplicable"/>.
    /// </summary>
    public abstract Task<LoyaltyOrderResult> SubmitOrderAsync(LoyaltyOrder order, CancellationToken cancellationToken);
}
