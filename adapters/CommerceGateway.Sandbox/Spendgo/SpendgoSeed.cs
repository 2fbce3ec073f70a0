namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>A partner's credentials: client id, shared client secret and the account they act for.</summary>
internal sealed record SpendgoClient(string ClientId, string ClientSecret, string AccountId);

/// <summary>A store location of an account.</summary>
internal sealed record SpendgoStoreLocation(string Code, string Name);

/// <summary>
/// Seeded demo data: two partner clients (one account each), stores, the program's rewards and
/// demo members. Tests create their own members through the admin API so they never share state.
/// </summary>
internal static class SpendgoSeed
{
    /// <summary>The spendgo_id of orders linked to no member.</summary>
    public const string Guest = "guest";

    public const string Currency = "USD";

    public const string DemoAccount = "acct-demo";

    public const string OtherAccount = "acct-other";

    /// <summary>Points a member earns per whole dollar paid (subtotal less the discount).</summary>
    public const decimal PointsPerDollar = 1m;

    public static IReadOnlyList<SpendgoClient> Clients { get; } =
    [
        new("spendgo-demo", "spendgo-demo-secret", DemoAccount),
        new("spendgo-other", "spendgo-other-secret", OtherAccount),
    ];

    public static IReadOnlyList<SpendgoStoreLocation> Stores { get; } =
    [
        new("store-001", "Downtown"),
        new("store-002", "Airport"),
    ];

    public static IReadOnlyList<SpendgoRewardDefinition> Rewards { get; } =
    [
        new("rw-5off", "$5 off", "$5.00 off an order of $20.00 or more.", SpendgoRewardKind.AmountOff, 5.00m, MinimumSubtotal: 20.00m),
        new("rw-coffee", "Free coffee", "Up to $4.00 off a coffee, at the Downtown store only.", SpendgoRewardKind.AmountOff, 4.00m,
            EligibleSkus: ["COFFEE-MD", "COFFEE-LG"], Stores: ["store-001"]),
        new("rw-10pct", "10% off", "10% off an order of $30.00 or more.", SpendgoRewardKind.PercentOff, 10m, MinimumSubtotal: 30.00m),
        new("rw-bank", "Shop with points", "Spend banked points: 10 points for each $1.00 off, up to $20.00.", SpendgoRewardKind.PointsBanking, 1.00m,
            PointsPerDollar: 10, MaximumAmount: 20.00m),
    ];

    /// <summary>Demo members of <see cref="DemoAccount"/>: (spendgo_id, points, reward codes).</summary>
    public static IReadOnlyList<(string SpendgoId, decimal Points, string[] Rewards)> Members { get; } =
    [
        ("sg-1001", 120m, ["rw-5off", "rw-coffee", "rw-10pct"]),
        ("sg-1002", 0m, []),
    ];

    public static SpendgoRewardDefinition? Reward(string code) => Rewards.FirstOrDefault(r => r.Code == code);
}
