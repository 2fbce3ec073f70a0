namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>The correlation id a caller sees is the one each backend request carries and logs.</summary>
public sealed class BackendCorrelationTests(CommerceFixture fixture) : IClassFixture<CommerceFixture>
{
    [Fact]
    public async Task GraphQLRequest_WithCallerCorrelationId_ReachesTheBackendWithThatId()
    {
        const string CorrelationId = "storefront-probe-7";
        using var api = await fixture.Host.StorefrontAsync();
        api.Http.DefaultRequestHeaders.Add("X-Correlation-Id", CorrelationId);

        await api.DataAsync("{ products(channel: \"livescale-demo\", first: 1) { nodes { id } } }");

        Assert.Contains(fixture.Host.App.Logs.Entries, e =>
            e.Category.StartsWith("CommerceGateway.Adapters.Channel.livescale-demo", StringComparison.Ordinal)
            && e.Values.TryGetValue("CorrelationId", out var id) && (string?)id == CorrelationId);
    }

    [Fact]
    public async Task GraphQLRequest_WithoutCorrelationId_GetsOneThatTheBackendRequestsShare()
    {
        using var api = await fixture.Host.StorefrontAsync();

        using var response = await api.Http.PostAsync(
            new Uri("graphql", UriKind.Relative),
            new StringContent("""{"query":"{ products(channel: \"livescale-demo\", first: 1) { nodes { id } } }"}""", System.Text.Encoding.UTF8, "application/json"));

        response.EnsureSuccessStatusCode();
        var generated = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", generated);
        Assert.Contains(fixture.Host.App.Logs.Entries, e =>
            e.Category.StartsWith("CommerceGateway.Adapters.Channel.livescale-demo", StringComparison.Ordinal)
            && e.Values.TryGetValue("CorrelationId", out var id) && (string?)id == generated);
    }
}
