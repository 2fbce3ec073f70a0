using System.Text.Json;
using CommerceGateway.Soak.Buyers;

namespace CommerceGateway.Soak.Tests.Deployment;

/// <summary>The checkout steps a replica test takes before the moment it is about.</summary>
internal static class CheckoutCalls
{
    /// <summary>Calls <paramref name="field"/> and fails the test unless it succeeded; returns its payload.</summary>
    public static async Task<JsonElement> OkAsync(SoakClient client, string field, string query, object variables)
    {
        var answer = await client.CallAsync(field, query, variables, CancellationToken.None);
        Assert.True(answer.Ok, $"{field}: {answer.Code}");
        return answer.Payload;
    }
}
