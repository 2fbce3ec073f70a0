using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>How the loyalty API renders members, rewards and orders. Amounts are JSON numbers with two decimals.</summary>
internal static class SpendgoJson
{
    public static string Status(SpendgoOrderStatus status) => status.ToString().ToLowerInvariant();

    public static JsonNode Amount(decimal value) => JsonValue.Create(decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m);

    public static JsonObject Balance(SpendgoMember member) => new()
    {
        ["spendgo_id"] = member.SpendgoId,
        ["points"] = member.Points,
    };

    public static JsonObject Reward(SpendgoMember member, SpendgoMemberReward reward)
    {
        var rule = reward.Definition;
        var json = new JsonObject
        {
            ["id"] = reward.Id,
            ["reward_code"] = rule.Code,
            ["name"] = rule.Name,
            ["description"] = rule.Description,
            ["type"] = rule.Kind switch
            {
                SpendgoRewardKind.AmountOff => "amount_off",
                SpendgoRewardKind.PercentOff => "percent_off",
                _ => "points_banking",
            },
            ["minimum_subtotal"] = rule.MinimumSubtotal is { } minimum ? Amount(minimum) : null,
            ["eligible_items"] = new JsonArray([.. (rule.EligibleSkus ?? []).Select(s => (JsonNode)JsonValue.Create(s))]),
        };
        if (rule.Kind == SpendgoRewardKind.PercentOff)
        {
            json["percent"] = rule.Value;
        }
        else if (rule.Kind == SpendgoRewardKind.AmountOff)
        {
            json["amount"] = Amount(rule.Value);
        }
        else
        {
            json["points_per_dollar"] = rule.PointsPerDollar;
            json["available_amount"] = Amount(Math.Min(Math.Floor(member.Points / rule.PointsPerDollar), rule.MaximumAmount ?? decimal.MaxValue));
        }

        return json;
    }

    public static JsonObject Order(SpendgoOrder order, SpendgoMember? member, SpendgoMemberReward? reward) => new()
    {
        ["order_id"] = order.OrderId,
        ["spendgo_id"] = order.SpendgoId,
        ["store_code"] = order.StoreCode,
        ["status"] = Status(order.Status),
        ["currency"] = SpendgoSeed.Currency,
        ["subtotal"] = Amount(order.Subtotal),
        ["discount"] = Amount(order.Discount),
        ["reward"] = reward is null ? null : new JsonObject { ["id"] = reward.Id, ["name"] = reward.Definition.Name },
        ["points_earned"] = order.PointsEarned,
        ["points_redeemed"] = order.PointsRedeemed,
        ["balance"] = member is null ? null : member.Points,
    };
}
