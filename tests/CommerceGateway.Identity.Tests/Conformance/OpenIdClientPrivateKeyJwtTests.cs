using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;
using CommerceGateway.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tests.Conformance;

/// <summary>npm's openid-client authenticating with private_key_jwt against the running host.</summary>
public sealed class OpenIdClientPrivateKeyJwtTests
{
    private const string ClientId = "node-partner";
    private static readonly string ScriptFolder = RepositoryLayout.PathOf("tests", "CommerceGateway.Identity.Tests", "openid-client");

    [Theory]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    public async Task OpenIdClient_PrivateKeyJwt_GetsTokenAndReplayIsRefused(string algorithm)
    {
        var node = RedisServer.FindBinary("node") ?? throw new InvalidOperationException("node is not installed: run ./test.sh, which installs it.");
        Assert.True(Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "openid-client")), $"Run 'npm ci' in {ScriptFolder} (./test.sh does).");
        using var signer = algorithm == SecurityAlgorithms.EcdsaSha256 ? AssertionSigner.Ec() : AssertionSigner.Rsa(algorithm);
        await using var host = await RunningHost.StartAsync(
            "Development",
            $"--Identity:Clients:{ClientId}:Jwks", signer.PublicJwks(),
            $"--Identity:Clients:{ClientId}:Audiences:0", "partners",
            $"--Identity:Clients:{ClientId}:AllowedScopes:0", "partners:read",
            $"--Identity:Clients:{ClientId}:DefaultScopes:0", "partners:read");

        var result = await ExternalProcess.RunAsync(
            node,
            ["private-key-jwt.mjs"],
            ScriptFolder,
            new Dictionary<string, string>
            {
                ["ISSUER"] = host.Url,
                ["CLIENT_ID"] = ClientId,
                ["PRIVATE_KEY_PEM"] = signer.PrivatePem(),
                ["KID"] = signer.KeyId,
                ["ALG"] = algorithm,
                ["AUDIENCE"] = "partners",
            },
            TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(ClientId, report.GetProperty("clientId").GetString());
        Assert.Equal("partners:read", report.GetProperty("scope").GetString());
        Assert.True(report.GetProperty("introspectedActive").GetBoolean());
        Assert.Equal(401, report.GetProperty("replayStatus").GetInt32());
        Assert.Equal("invalid_client", report.GetProperty("replayError").GetString());
    }
}
