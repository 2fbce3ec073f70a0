using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>The Spendgo sandbox's admin API: a fresh member per test, so balances and rewards start known.</summary>
internal static class SpendgoSandbox
{
    /// <summary>A new member of acct-demo with no points and one reward of <paramref name="rewardCode"/>.</summary>
    public static async Task<(string Member, string Reward)> NewMemberAsync(SandboxServer sandbox, string rewardCode)
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };
        using var response = await http.PostAsJsonAsync(new Uri("_admin/accounts/acct-demo/members", UriKind.Relative), new { points = 0m, rewards = new[] { rewardCode } });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reward = body.RootElement.GetProperty("rewards").EnumerateArray().Single(r => r.GetProperty("reward_code").GetString() == rewardCode).GetProperty("id").GetString()!;
        return (body.RootElement.GetProperty("spendgo_id").GetString()!, reward);
    }

    public static async Task<decimal> PointsAsync(SandboxServer sandbox, string member) =>
        (await MemberAsync(sandbox, member)).GetProperty("points").GetDecimal();

    public static async Task<string> RewardStateAsync(SandboxServer sandbox, string member, string reward) =>
        (await MemberAsync(sandbox, member)).GetProperty("rewards").EnumerateArray().Single(r => r.GetProperty("id").GetString() == reward).GetProperty("state").GetString()!;

    private static async Task<JsonElement> MemberAsync(SandboxServer sandbox, string member)
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };
        using var body = JsonDocument.Parse(await http.GetStringAsync(new Uri($"_admin/accounts/acct-demo/members/{member}", UriKind.Relative)));
        return body.RootElement.Clone();
    }
}
