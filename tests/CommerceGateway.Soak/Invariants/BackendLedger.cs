using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGateway.Soak.Invariants;

/// <summary>The sandbox backends' own records at one moment, read over HTTP from the sandbox process.</summary>
/// <param name="ReadAt">The sandbox's clock when it read them.</param>
/// <param name="Entries">Every order and seat-holding cart.</param>
public sealed record BackendLedger(DateTimeOffset ReadAt, IReadOnlyList<LedgerRecord> Entries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads <c>{sandbox}/_admin/ledger</c>.</summary>
    public static async Task<BackendLedger> ReadAsync(Uri sandboxUrl, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = sandboxUrl, Timeout = TimeSpan.FromSeconds(30) };
        return await client.GetFromJsonAsync<BackendLedger>(new Uri("_admin/ledger", UriKind.Relative), Json, cancellationToken)
            ?? throw new InvalidOperationException("The sandbox answered an empty ledger.");
    }
}
