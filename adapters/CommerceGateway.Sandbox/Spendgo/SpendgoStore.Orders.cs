using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.Spendgo;

/// <content>
/// The order lifecycle: checkout (re-sent while the cart changes) validates the one reward and
/// returns the discount; placed locks the reward; billed removes it from the member; completed
/// awards points; voided gives back what placed or billed took; refunded gives back the reward and
/// takes back the points. A status the order already has is refused with the order as it stands,
/// so a retried call never awards points or uses a reward twice.
/// </content>
internal sealed partial class SpendgoStore
{
    private static readonly Dictionary<SpendgoOrderStatus, SpendgoOrderStatus[]> AllowedFrom = new()
    {
        [SpendgoOrderStatus.Checkout] = [SpendgoOrderStatus.Checkout],
        [SpendgoOrderStatus.Placed] = [SpendgoOrderStatus.Checkout],
        [SpendgoOrderStatus.Billed] = [SpendgoOrderStatus.Placed],
        [SpendgoOrderStatus.Completed] = [SpendgoOrderStatus.Billed],
        [SpendgoOrderStatus.Voided] = [SpendgoOrderStatus.Checkout, SpendgoOrderStatus.Placed, SpendgoOrderStatus.Billed],
        [SpendgoOrderStatus.Refunded] = [SpendgoOrderStatus.Billed, SpendgoOrderStatus.Completed],
    };

    public JsonObject SubmitOrder(string account, string spendgoId, SpendgoOrderRequest request)
    {
        Store(request.StoreCode);
        lock (_gate)
        {
            var member = spendgoId == SpendgoSeed.Guest ? null : Member(account, spendgoId);
            if (member is null && request.RewardId is not null)
            {
                throw SpendgoException.Reward("reward_requires_member", "Guest orders are linked to no member and cannot redeem a reward.");
            }

            var order = _orders.GetValueOrDefault((account, request.OrderId));
            if (order is not null && (order.SpendgoId != spendgoId || order.StoreCode != request.StoreCode))
            {
                throw SpendgoException.Conflict("order_conflict", $"Order {request.OrderId} belongs to {(order.IsGuest ? "a guest" : "another member")} or another store; order ids are unique per account.");
            }

            if (order is null)
            {
                if (request.Status != SpendgoOrderStatus.Checkout)
                {
                    throw SpendgoException.Conflict("invalid_transition", $"Order {request.OrderId} does not exist: send 'checkout' first, then {SpendgoJson.Status(request.Status)}.");
                }

                order = new SpendgoOrder(account, request.OrderId, spendgoId, request.StoreCode);
            }
            else
            {
                EnsureTransition(order, member, request.Status);
            }

            Apply(order, member, request);
            order.Status = request.Status;
            order.History.Add((request.Status, _time.GetUtcNow()));
            _orders[(account, order.OrderId)] = order;
            return SpendgoJson.Order(order, member, RewardOf(member, order.RewardId));
        }
    }

    private static void EnsureTransition(SpendgoOrder order, SpendgoMember? member, SpendgoOrderStatus requested)
    {
        if (requested != SpendgoOrderStatus.Checkout && order.Status == requested)
        {
            throw SpendgoException.Conflict(
                "order_already_" + SpendgoJson.Status(requested),
                $"Order {order.OrderId} is already {SpendgoJson.Status(requested)}; nothing was changed (points earned so far: {order.PointsEarned}).",
                SpendgoJson.Order(order, member, RewardOf(member, order.RewardId)));
        }

        if (!AllowedFrom[requested].Contains(order.Status))
        {
            var next = AllowedFrom.Where(a => a.Value.Contains(order.Status)).Select(a => SpendgoJson.Status(a.Key)).ToList();
            throw SpendgoException.Conflict(
                "invalid_transition",
                $"Order {order.OrderId} is {SpendgoJson.Status(order.Status)}; it cannot become {SpendgoJson.Status(requested)}. Allowed next: {(next.Count == 0 ? "none" : string.Join(", ", next))}.",
                SpendgoJson.Order(order, member, RewardOf(member, order.RewardId)));
        }
    }

    private static void Apply(SpendgoOrder order, SpendgoMember? member, SpendgoOrderRequest request)
    {
        switch (request.Status)
        {
            case SpendgoOrderStatus.Checkout:
                Checkout(order, member, request);
                break;
            case SpendgoOrderStatus.Placed:
                Place(order, member!, request);
                break;
            case SpendgoOrderStatus.Billed:
                Bill(order, member, request);
                break;
            case SpendgoOrderStatus.Completed:
                Complete(order, member, request);
                break;
            case SpendgoOrderStatus.Voided:
                GiveBack(order, member);
                break;
            case SpendgoOrderStatus.Refunded:
                GiveBack(order, member);
                if (member is not null)
                {
                    // The points go even if the member already spent them: the balance may go below zero.
                    member.Points -= order.PointsEarned;
                }

                order.PointsEarned = 0;
                break;
        }
    }

    private static void Checkout(SpendgoOrder order, SpendgoMember? member, SpendgoOrderRequest request)
    {
        var discount = 0m;
        if (request.RewardId is { } rewardId)
        {
            var reward = RewardOf(member, rewardId) ?? throw SpendgoException.Reward("reward_not_found", $"The member has no reward '{rewardId}'.");
            EnsureUsable(reward, order.OrderId);
            discount = SpendgoRewardRules.Discount(member!, reward, order.StoreCode, request.Items, request.Subtotal);
        }

        // A re-sent checkout replaces the cart and the reward choice: nothing is held yet.
        order.Items = request.Items;
        order.Subtotal = request.Subtotal;
        order.RewardId = request.RewardId;
        order.Discount = discount;
    }

    private static void Place(SpendgoOrder order, SpendgoMember? member, SpendgoOrderRequest request)
    {
        EnsureSameReward(order, request);
        if (RewardOf(member, order.RewardId) is { } reward)
        {
            EnsureUsable(reward, order.OrderId);
            // Placed carries the whole cart again: the reward must still apply to it, for the same discount.
            var recomputed = SpendgoRewardRules.Discount(member!, reward, order.StoreCode, request.Items, request.Subtotal);
            if (reward.Definition.Kind != SpendgoRewardKind.PointsBanking && recomputed != order.Discount)
            {
                throw SpendgoException.Unprocessable("discount_mismatch", $"The cart changed since checkout: reward {reward.Id} now gives {SpendgoRewardRules.Text(recomputed)}, not {SpendgoRewardRules.Text(order.Discount)}; re-send checkout.");
            }

            order.Discount = AgreedDiscount(order, reward, request, recomputed);
            if (reward != member!.Bank)
            {
                reward.State = SpendgoRewardState.Locked;
                reward.OrderId = order.OrderId;
            }
        }

        order.Items = request.Items;
        order.Subtotal = request.Subtotal;
    }

    private static void Bill(SpendgoOrder order, SpendgoMember? member, SpendgoOrderRequest request)
    {
        EnsureSameReward(order, request);
        if (RewardOf(member, order.RewardId) is { } reward)
        {
            order.Discount = AgreedDiscount(order, reward, request, order.Discount);
            if (reward == member!.Bank)
            {
                var points = SpendgoRewardRules.PointsFor(reward.Definition, order.Discount);
                if (member.Points < points)
                {
                    throw SpendgoException.Reward("reward_insufficient_points", $"The discount {SpendgoRewardRules.Text(order.Discount)} needs {points} points; the member has {member.Points}.");
                }

                member.Points -= points;
                order.PointsRedeemed = points;
            }
            else
            {
                reward.State = SpendgoRewardState.Redeemed;
            }
        }
    }

    private static void Complete(SpendgoOrder order, SpendgoMember? member, SpendgoOrderRequest request)
    {
        EnsureSameReward(order, request);
        if (RewardOf(member, order.RewardId) is { } reward)
        {
            order.Discount = AgreedDiscount(order, reward, request, order.Discount);
        }

        order.Subtotal = request.Subtotal;
        order.Items = request.Items;
        if (member is not null)
        {
            order.PointsEarned = Math.Floor(Math.Max(0m, order.Subtotal - order.Discount)) * SpendgoSeed.PointsPerDollar;
            member.Points += order.PointsEarned;
        }
    }

    private static void GiveBack(SpendgoOrder order, SpendgoMember? member)
    {
        if (RewardOf(member, order.RewardId) is { } reward && reward != member!.Bank && reward.OrderId == order.OrderId)
        {
            reward.State = SpendgoRewardState.Available;
            reward.OrderId = null;
        }

        if (member is not null)
        {
            member.Points += order.PointsRedeemed;
        }

        order.PointsRedeemed = 0;
    }

    /// <summary>
    /// The discount of a later stage must be the one checkout returned. Points-banking rewards may
    /// send less (the shopper spends fewer points), never more than the points allow.
    /// </summary>
    private static decimal AgreedDiscount(SpendgoOrder order, SpendgoMemberReward reward, SpendgoOrderRequest request, decimal allowed)
    {
        var sent = request.Discount ?? throw SpendgoException.Unprocessable("discount_mismatch", $"Order {order.OrderId} redeems reward {reward.Id}: send the discount checkout returned ({SpendgoRewardRules.Text(order.Discount)}).");
        if (reward.Definition.Kind == SpendgoRewardKind.PointsBanking ? sent > Math.Min(allowed, order.Discount) : sent != order.Discount)
        {
            throw SpendgoException.Unprocessable("discount_mismatch", $"Order {order.OrderId}: the discount sent ({SpendgoRewardRules.Text(sent)}) is not the one checkout returned ({SpendgoRewardRules.Text(order.Discount)}); re-send checkout after a cart change.");
        }

        return sent;
    }

    private static void EnsureSameReward(SpendgoOrder order, SpendgoOrderRequest request)
    {
        if (!string.Equals(order.RewardId, request.RewardId, StringComparison.Ordinal))
        {
            throw SpendgoException.Conflict("one_reward_per_order", $"Order {order.OrderId} was checked out with {(order.RewardId is null ? "no reward" : "reward " + order.RewardId)}; one reward per order, chosen at checkout (sent: {request.RewardId ?? "none"}).");
        }
    }

    private static void EnsureUsable(SpendgoMemberReward reward, string orderId)
    {
        if (reward.State != SpendgoRewardState.Available && reward.OrderId != orderId)
        {
            throw SpendgoException.Reward("reward_unavailable", $"Reward {reward.Id} ('{reward.Definition.Name}') was already {(reward.State == SpendgoRewardState.Redeemed ? "redeemed" : "applied to another placed order")}.");
        }
    }

    private static SpendgoMemberReward? RewardOf(SpendgoMember? member, string? rewardId) =>
        member is null || rewardId is null ? null : member.Bank?.Id == rewardId ? member.Bank : member.Rewards.FirstOrDefault(r => r.Id == rewardId);
}
