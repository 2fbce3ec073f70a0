using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>What the payment tests read to tell whether money moved: the sandbox's ledger and a GraphQL error's code.</summary>
internal static class PaymentLedger
{
    /// <summary>The backend's own count of one protocol's records (orders, invoices) and of the payments they took.</summary>
    public static async Task<(int Records, int Charges)> ReadAsync(SandboxServer sandbox, string protocol)
    {
        using var client = sandbox.CreateClient();
        using var ledger = JsonDocument.Parse(await client.GetStringAsync(new Uri("_admin/ledger", UriKind.Relative)));
        var entries = ledger.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("protocol").GetString() == protocol && e.GetProperty("state").GetString() != "cart")
            .ToList();
        return (entries.Count, entries.Sum(e => e.GetProperty("captures").GetInt32()));
    }

    /// <summary>The first GraphQL error's <c>extensions.code</c>; fails the test when the answer has no errors.</summary>
    public static string? ErrorCode(JsonElement body)
    {
        Assert.True(body.TryGetProperty("errors", out var errors), "expected GraphQL errors: " + body);
        return errors[0].GetProperty("extensions").GetProperty("code").GetString();
    }
}
