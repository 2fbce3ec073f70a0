using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;

namespace CommerceGateway.Gateway.Tests.Operations;

/// <summary>Shared steps of the operations tests.</summary>
internal static class Operations
{
    public static CancellationToken Bounded => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public static async Task<(int Status, JsonElement Body)> ReadyzAsync(GatewayApp app)
    {
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, body.RootElement.Clone());
    }

    public static async Task<PrometheusExposition> MetricsAsync(GatewayApp app)
    {
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());
    }
}
