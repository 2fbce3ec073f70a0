using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>
/// A small but real loyalty program for orchestration tests, shared by every backend instance of a
/// test like the program's own database. It keeps Spendgo's rules where the orchestration depends
/// on them: stages only in lifecycle order (refunded only after billed or completed), a stage the
/// order already has changes nothing, placed locks the reward, billed redeems it, completed awards
/// one point per whole dollar of subtotal less discount, voided and refunded return the reward and
/// refunded takes the order's points back. <see cref="IsDown"/> makes every call fail like an outage.
/// </summary>
public sealed class TestLoyaltyProgram
{
    private static readonly Dictionary<LoyaltyOrderStatus, LoyaltyOrderStatus?[]> AllowedFrom = new()
    {
        [LoyaltyOrderStatus.Checkout] = [null, LoyaltyOrderStatus.Checkout],
        [LoyaltyOrderStatus.Placed] = [LoyaltyOrderStatus.Checkout],
        [LoyaltyOrderStatus.Billed] = [LoyaltyOrderStatus.Placed],
        [LoyaltyOrderStatus.Completed] = [LoyaltyOrderStatus.Billed],
        [LoyaltyOrderStatus.Voided] = [LoyaltyOrderStatus.Checkout, LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed],
        [LoyaltyOrderStatus.Refunded] = [LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed],
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, decimal> _points = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reward> _rewards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProgramOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<LoyaltyOrderStatus, int> _failures = [];
    private readonly List<(string OrderId, LoyaltyOrderStatus Stage)> _received = [];
    private int _next;

    /// <summary>While true, every call fails as if the program were unreachable.</summary>
    public bool IsDown { get; set; }

    /// <summary>How long each order submission takes, so concurrent callers really overlap.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The next <paramref name="times"/> submissions of <paramref name="stage"/> fail like an outage (503); other calls go through.</summary>
    public void FailNext(LoyaltyOrderStatus stage, int times = 1)
    {
        lock (_gate)
        {
            _failures[stage] = _failures.GetValueOrDefault(stage) + times;
        }
    }

    /// <summary>How many submissions of <paramref name="stage"/> for an order reached the program, replays included.</summary>
    public int Received(string orderId, LoyaltyOrderStatus stage)
    {
        lock (_gate)
        {
            return _received.Count(r => r.OrderId == orderId && r.Stage == stage);
        }
    }

    /// <summary>True (and one failure used up) when this submission is to fail as set by <see cref="FailNext"/>.</summary>
    internal bool TakeFailure(LoyaltyOrderStatus stage)
    {
        lock (_gate)
        {
            if (_failures.GetValueOrDefault(stage) == 0)
            {
                return false;
            }

            _failures[stage]--;
            return true;
        }
    }

    /// <summary>A new member with <paramref name="points"/> and one reward worth <paramref name="rewardValue"/> off.</summary>
    public (string Member, string Reward) NewMember(decimal points, Money rewardValue)
    {
        lock (_gate)
        {
            var member = $"member-{++_next}";
            var reward = $"reward-{++_next}";
            _points[member] = points;
            _rewards[reward] = new Reward(member, rewardValue);
            return (member, reward);
        }
    }

    /// <summary>Every stage the program accepted for an order, oldest first (a repeated stage is not listed again).</summary>
    public IReadOnlyList<LoyaltyOrderStatus> StagesOf(string orderId)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(orderId, out var order) ? [.. order.Stages] : [];
        }
    }

    internal LoyaltyBalance Balance(string channel, string member)
    {
        lock (_gate)
        {
            return new LoyaltyBalance(member, KnownPoints(channel, member));
        }
    }

    internal IReadOnlyList<LoyaltyReward> AvailableRewards(string channel, string member)
    {
        lock (_gate)
        {
            KnownPoints(channel, member);
            return [.. _rewards.Where(r => r.Value.Member == member && r.Value.LockedBy is null && !r.Value.Redeemed).Select(r => new LoyaltyReward(r.Key, $"{r.Value.Value} off"))];
        }
    }

    internal LoyaltyOrderResult Submit(string channel, LoyaltyOrder sent)
    {
        lock (_gate)
        {
            _received.Add((sent.OrderId, sent.Status));
            var order = _orders.GetValueOrDefault(sent.OrderId) ?? new ProgramOrder(sent.MemberId, Money.Zero(sent.Subtotal.Currency));
            if (order.Status == sent.Status && sent.Status != LoyaltyOrderStatus.Checkout)
            {
                // The contract asks for repeatable stages: the order as it stands, nothing applied twice.
                return order.Result(sent.OrderId, _points);
            }

            if (!AllowedFrom[sent.Status].Contains(order.Status))
            {
                throw new BackendConflictException(channel, $"Order {sent.OrderId} is {order.Status?.ToString() ?? "unknown"}; it cannot become {sent.Status}.", "invalid_transition");
            }

            var reward = sent.RewardId is null ? null : _rewards.GetValueOrDefault(sent.RewardId);
            switch (sent.Status)
            {
                case LoyaltyOrderStatus.Checkout when sent.RewardId is not null:
                    if (reward is null || reward.Member != sent.MemberId || reward.Redeemed || reward.LockedBy is { } other && other != sent.OrderId)
                    {
                        throw new BackendRejectedException(channel, CommerceErrorCodes.RewardNotApplicable, $"Reward {sent.RewardId} is not available to this member.", field: "rewardId");
                    }

                    order.Discount = reward.Value > sent.Subtotal ? sent.Subtotal : reward.Value;
                    break;
                case LoyaltyOrderStatus.Checkout:
                    // A re-sent checkout replaces the reward choice: without a reward there is no discount.
                    order.Discount = Money.Zero(sent.Subtotal.Currency);
                    break;
                case LoyaltyOrderStatus.Placed when reward is not null:
                    reward.LockedBy = sent.OrderId;
                    break;
                case LoyaltyOrderStatus.Billed when reward is not null:
                    reward.Redeemed = true;
                    break;
                case LoyaltyOrderStatus.Completed when sent.MemberId is not null:
                    order.PointsEarned = Math.Floor(Math.Max(0m, sent.Subtotal.Amount - order.Discount.Amount));
                    _points[sent.MemberId] += order.PointsEarned;
                    break;
                case LoyaltyOrderStatus.Voided or LoyaltyOrderStatus.Refunded:
                    if (reward is not null && reward.LockedBy == sent.OrderId)
                    {
                        reward.LockedBy = null;
                        reward.Redeemed = false;
                    }

                    if (sent.Status == LoyaltyOrderStatus.Refunded && sent.MemberId is not null)
                    {
                        _points[sent.MemberId] -= order.PointsEarned;
                        order.PointsEarned = 0m;
                    }

                    break;
            }

            order.Status = sent.Status;
            order.Stages.Add(sent.Status);
            _orders[sent.OrderId] = order;
            return order.Result(sent.OrderId, _points);
        }
    }

    private decimal KnownPoints(string channel, string member) =>
        _points.TryGetValue(member, out var points) ? points : throw new BackendRejectedException(channel, CommerceErrorCodes.NotFound, $"No member '{member}'.", field: "memberId");

    private sealed class Reward(string member, Money value)
    {
        public string Member { get; } = member;

        public Money Value { get; } = value;

        /// <summary>The order the reward is locked to from placed on, until voided or refunded.</summary>
        public string? LockedBy { get; set; }

        public bool Redeemed { get; set; }
    }

    private sealed class ProgramOrder(string? member, Money discount)
    {
        public LoyaltyOrderStatus? Status { get; set; }

        public Money Discount { get; set; } = discount;

        public decimal PointsEarned { get; set; }

        public List<LoyaltyOrderStatus> Stages { get; } = [];

        public LoyaltyOrderResult Result(string orderId, Dictionary<string, decimal> points) =>
            new(orderId, Status ?? throw new InvalidOperationException("The order has no stage yet."), Discount, PointsEarned, member is null ? null : points[member]);
    }
}
