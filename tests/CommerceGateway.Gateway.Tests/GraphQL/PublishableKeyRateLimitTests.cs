using System.Net;
using System.Net.Http.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Publishable keys are public, so each one is rate limited.</summary>
public sealed class PublishableKeyRateLimitTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task PublishableKey_OverItsLimit_Is429WithRetryAfter()
    {
        using var host = new CommerceGatewayHost(sandbox, settings: new Dictionary<string, string?> { ["GraphQL:PublishableKeyPermitLimit"] = "2" });
        using var browser = host.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await browser.Http.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query = "{ channels { name } }" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null || response.Headers.Contains("Retry-After"), "429 says when to retry");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
