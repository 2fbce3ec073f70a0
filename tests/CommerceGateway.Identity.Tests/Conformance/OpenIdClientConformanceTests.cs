using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Identity.Tests.Conformance;

/// <summary>npm's openid-client (installed by ./test.sh from this project's package-lock.json) against the running host.</summary>
public sealed class OpenIdClientConformanceTests
{
    private static readonly string ScriptFolder = RepositoryLayout.PathOf("tests", "CommerceGateway.Identity.Tests", "openid-client");

    [Theory]
    [InlineData("ES256")]
    [InlineData("RS256")]
    public async Task OpenIdClient_DiscoveryGrantIntrospectionRevocation_Succeed(string algorithm)
    {
        var node = RedisServer.FindBinary("node") ?? throw new InvalidOperationException("node is not installed: run ./test.sh, which installs it.");
        Assert.True(Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "openid-client")), $"Run 'npm ci' in {ScriptFolder} (./test.sh does).");
        await using var host = await RunningHost.StartAsync("Development", "--Identity:Keys:Algorithm", algorithm);

        var result = await ExternalProcess.RunAsync(
            node,
            ["conformance.mjs"],
            ScriptFolder,
            new Dictionary<string, string>
            {
                ["ISSUER"] = host.Url,
                ["CLIENT_ID"] = DemoClients.PartnerId,
                ["CLIENT_SECRET"] = DemoClients.PartnerSecret,
                ["AUDIENCE"] = "partners",
            },
            TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(host.Url, report.GetProperty("issuer").GetString());
        Assert.Equal(algorithm, report.GetProperty("alg").GetString());
        Assert.Equal("at+jwt", report.GetProperty("typ").GetString());
        Assert.Equal("partners:read", report.GetProperty("scope").GetString());
        Assert.True(report.GetProperty("introspectedActive").GetBoolean());
        Assert.False(report.GetProperty("revokedActive").GetBoolean());
        Assert.True(report.GetProperty("wrongSecretRefused").GetBoolean());
    }
}
