using System.Globalization;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>
/// Validates a reward against a cart and computes its discount. Every refusal is a 422 whose code
/// starts with <c>reward_</c> and whose message says which rule failed and by how much.
/// </summary>
internal static class SpendgoRewardRules
{
    public static decimal Discount(SpendgoMember member, SpendgoMemberReward reward, string store, IReadOnlyList<SpendgoItem> items, decimal subtotal)
    {
        var rule = reward.Definition;
        if (!rule.ValidAt(store))
        {
            throw SpendgoException.Reward("reward_not_valid_at_store", $"Reward '{rule.Name}' cannot be redeemed at store {store}; it is valid at {string.Join(", ", rule.Stores!)}.");
        }

        if (rule.MinimumSubtotal is { } minimum && subtotal < minimum)
        {
            throw SpendgoException.Reward("reward_minimum_subtotal", $"Reward '{rule.Name}' needs a subtotal of at least {Text(minimum)}; the cart's is {Text(subtotal)}.");
        }

        var eligible = rule.EligibleSkus is { Count: > 0 } skus
            ? items.Where(i => skus.Contains(i.Sku, StringComparer.Ordinal)).Sum(i => i.Quantity * i.Price)
            : subtotal;
        if (rule.EligibleSkus is { Count: > 0 } && eligible <= 0)
        {
            throw SpendgoException.Reward("reward_no_eligible_items", $"Reward '{rule.Name}' needs one of these items in the cart: {string.Join(", ", rule.EligibleSkus)}.");
        }

        // Never more than the eligible amount: a discount cannot make the order negative.
        eligible = Math.Min(eligible, subtotal);
        return rule.Kind switch
        {
            SpendgoRewardKind.AmountOff => Math.Min(rule.Value, eligible),
            SpendgoRewardKind.PercentOff => decimal.Round(eligible * rule.Value / 100m, 2, MidpointRounding.AwayFromZero),
            _ => Banked(member, rule, eligible),
        };
    }

    /// <summary>Points a points-banking discount costs.</summary>
    public static decimal PointsFor(SpendgoRewardDefinition rule, decimal discount) =>
        rule.Kind == SpendgoRewardKind.PointsBanking ? discount * rule.PointsPerDollar : 0m;

    public static string Text(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static decimal Banked(SpendgoMember member, SpendgoRewardDefinition rule, decimal eligible)
    {
        var dollars = Math.Floor(member.Points / rule.PointsPerDollar);
        if (dollars < 1)
        {
            throw SpendgoException.Reward("reward_insufficient_points", $"Reward '{rule.Name}' needs at least {rule.PointsPerDollar} points; the member has {member.Points}.");
        }

        return Math.Min(Math.Min(dollars, rule.MaximumAmount ?? dollars), Math.Floor(eligible));
    }
}
