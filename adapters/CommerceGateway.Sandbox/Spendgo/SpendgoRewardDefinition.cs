namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>How a reward takes money off an order.</summary>
internal enum SpendgoRewardKind
{
    /// <summary>A fixed amount off (never more than the eligible subtotal).</summary>
    AmountOff,

    /// <summary>A percentage of the eligible subtotal, rounded to the cent.</summary>
    PercentOff,

    /// <summary>Banked points spent as money: whole dollars, a fixed number of points per dollar.</summary>
    PointsBanking,
}

/// <summary>
/// A reward of the loyalty program and its rules. <see cref="Stores"/> empty means every store;
/// <see cref="EligibleSkus"/> empty means every item counts.
/// </summary>
internal sealed record SpendgoRewardDefinition(
    string Code,
    string Name,
    string Description,
    SpendgoRewardKind Kind,
    decimal Value,
    decimal? MinimumSubtotal = null,
    IReadOnlyList<string>? EligibleSkus = null,
    IReadOnlyList<string>? Stores = null,
    int PointsPerDollar = 0,
    decimal? MaximumAmount = null)
{
    public bool ValidAt(string store) => Stores is not { Count: > 0 } || Stores.Contains(store, StringComparer.Ordinal);
}
