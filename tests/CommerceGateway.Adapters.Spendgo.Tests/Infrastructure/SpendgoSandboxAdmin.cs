using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;

/// <summary>The sandbox's admin calls: a fresh member per test, so tests never share balances or rewards.</summary>
internal static class SpendgoSandboxAdmin
{
    /// <summary>A new member of the demo account; returns its id and its rewards' ids by reward code.</summary>
    public static async Task<(string MemberId, IReadOnlyDictionary<string, string> Rewards)> NewMemberAsync(SandboxServer sandbox, decimal points, params string[] rewardCodes)
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };
        using var response = await http.PostAsJsonAsync(new Uri($"_admin/accounts/{SpendgoTestChannel.AccountId}/members", UriKind.Relative), new { points, rewards = rewardCodes });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rewards = body.RootElement.GetProperty("rewards").EnumerateArray()
            .ToDictionary(r => r.GetProperty("reward_code").GetString()!, r => r.GetProperty("id").GetString()!);
        rewards["rw-bank"] = body.RootElement.GetProperty("bank_reward_id").GetString()!;
        return (body.RootElement.GetProperty("spendgo_id").GetString()!, rewards);
    }

    /// <summary>The state ("available", "locked", "redeemed") of a member's reward.</summary>
    public static async Task<string> RewardStateAsync(SandboxServer sandbox, string memberId, string rewardId)
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };
        var text = await http.GetStringAsync(new Uri($"_admin/accounts/{SpendgoTestChannel.AccountId}/members/{memberId}", UriKind.Relative));
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("rewards").EnumerateArray().Single(r => r.GetProperty("id").GetString() == rewardId).GetProperty("state").GetString()!;
    }

    /// <summary>Forgets every issued access token, as a key rotation would.</summary>
    public static async Task RevokeTokensAsync(SandboxServer sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };
        using var response = await http.PostAsync(new Uri("_admin/tokens/revoke", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }
}
