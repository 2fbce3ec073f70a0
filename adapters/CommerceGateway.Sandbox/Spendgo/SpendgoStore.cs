using System.Globalization;
using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.Spendgo;

/// <summary>
/// All loyalty state: members, their rewards and the orders of each account. One lock guards it,
/// so an order call's checks and effects (reward locked, points awarded) happen as one step.
/// </summary>
internal sealed partial class SpendgoStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string SpendgoId), SpendgoMember> _members = [];
    private readonly Dictionary<(string Account, string OrderId), SpendgoOrder> _orders = [];
    private readonly TimeProvider _time;
    private int _nextMember = 5000;
    private int _nextReward;

    public SpendgoStore(TimeProvider time)
    {
        _time = time;
        foreach (var (id, points, rewards) in SpendgoSeed.Members)
        {
            AddMember(SpendgoSeed.DemoAccount, id, points, rewards);
        }
    }

    public JsonObject Balance(string account, string spendgoId)
    {
        lock (_gate)
        {
            return SpendgoJson.Balance(Member(account, spendgoId));
        }
    }

    /// <summary>The member's rewards that can be redeemed now at <paramref name="store"/>.</summary>
    public JsonObject Rewards(string account, string spendgoId, string? store)
    {
        if (string.IsNullOrEmpty(store))
        {
            throw SpendgoException.Invalid("invalid_request", "The store query parameter is required.");
        }

        Store(store);
        lock (_gate)
        {
            var member = Member(account, spendgoId);
            var usable = member.Rewards.Where(r => r.State == SpendgoRewardState.Available && r.Definition.ValidAt(store)).ToList();
            if (member.Bank is { } bank && member.Points >= bank.Definition.PointsPerDollar && bank.Definition.ValidAt(store))
            {
                usable.Add(bank);
            }

            return new JsonObject
            {
                ["spendgo_id"] = member.SpendgoId,
                ["store_code"] = store,
                ["currency"] = SpendgoSeed.Currency,
                ["rewards"] = new JsonArray([.. usable.Select(r => (JsonNode)SpendgoJson.Reward(member, r))]),
            };
        }
    }

    /// <summary>Sandbox admin: a new member of <paramref name="account"/> with a balance and rewards.</summary>
    public JsonObject CreateMember(string account, decimal points, IReadOnlyList<string> rewardCodes)
    {
        if (!SpendgoSeed.Clients.Any(c => c.AccountId == account))
        {
            throw SpendgoException.NotFound("account_not_found", $"There is no account '{account}'.");
        }

        if (points < 0 || rewardCodes.Any(c => SpendgoSeed.Reward(c) is null))
        {
            throw SpendgoException.Invalid("invalid_request", $"points must not be negative and rewards must be among {string.Join(", ", SpendgoSeed.Rewards.Select(r => r.Code))}.");
        }

        lock (_gate)
        {
            var id = "sg-" + (++_nextMember).ToString(CultureInfo.InvariantCulture);
            return Describe(AddMember(account, id, points, rewardCodes));
        }
    }

    /// <summary>Sandbox admin: a member with every reward (any state) and the orders linked to it.</summary>
    public JsonObject DescribeMember(string account, string spendgoId)
    {
        lock (_gate)
        {
            return Describe(Member(account, spendgoId));
        }
    }

    private JsonObject Describe(SpendgoMember member) => new()
    {
        ["account_id"] = member.AccountId,
        ["spendgo_id"] = member.SpendgoId,
        ["points"] = member.Points,
        ["rewards"] = new JsonArray([.. member.Rewards.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["reward_code"] = r.Definition.Code,
            ["state"] = r.State.ToString().ToLowerInvariant(),
            ["order_id"] = r.OrderId,
        })]),
        ["bank_reward_id"] = member.Bank?.Id,
        ["orders"] = new JsonArray([.. _orders.Values
            .Where(o => o.AccountId == member.AccountId && o.SpendgoId == member.SpendgoId)
            .Select(o => (JsonNode)new JsonObject { ["order_id"] = o.OrderId, ["status"] = SpendgoJson.Status(o.Status) })]),
    };

    private SpendgoMember AddMember(string account, string id, decimal points, IEnumerable<string> rewardCodes)
    {
        var member = new SpendgoMember(account, id, points);
        foreach (var code in rewardCodes)
        {
            member.Rewards.Add(new SpendgoMemberReward($"rwd-{++_nextReward:D5}", SpendgoSeed.Reward(code)!));
        }

        // Points banking is a standing offer of the program rather than a reward earned once.
        if (SpendgoSeed.Rewards.FirstOrDefault(r => r.Kind == SpendgoRewardKind.PointsBanking) is { } bank)
        {
            member.Bank = new SpendgoMemberReward($"{id}-{bank.Code}", bank);
        }

        _members[(account, id)] = member;
        return member;
    }

    private SpendgoMember Member(string account, string spendgoId) =>
        spendgoId == SpendgoSeed.Guest
            ? throw SpendgoException.Invalid("guest_not_a_member", "'guest' orders are linked to no member: it has no balance or rewards.")
            : _members.GetValueOrDefault((account, spendgoId))
              ?? throw SpendgoException.NotFound("member_not_found", $"There is no member '{spendgoId}' in this account.");

    private static SpendgoStoreLocation Store(string code) =>
        SpendgoSeed.Stores.FirstOrDefault(s => s.Code == code)
        ?? throw SpendgoException.NotFound("store_not_found", $"There is no store '{code}'; stores: {string.Join(", ", SpendgoSeed.Stores.Select(s => s.Code))}.");
}
