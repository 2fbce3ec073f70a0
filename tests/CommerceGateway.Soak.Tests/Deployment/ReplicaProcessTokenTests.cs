using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommerceGateway.Soak.Deployment;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak.Tests.Deployment;

/// <summary>
/// Two gateway processes, as shipped, on one redis-server behind one public issuer: what identity does on
/// one replica holds on the other on its next request, with no call between them (each validates in
/// process from the shared state store).
/// </summary>
/// <remarks>
/// Key rotation across replicas is pinned in-process (ReplicaTokenTests in the gateway tests), where two
/// hosts can share a fake clock: a rotation is at least an hour apart and processes keep real time.
/// </remarks>
public sealed class ReplicaProcessTokenTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const string TypeName = "{\"query\":\"{ __typename }\"}";
    private readonly string _folder = Directory.CreateTempSubdirectory("cg-replica-tokens-").FullName;
    private readonly string _secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TwoReplicaProcesses_TokenFromOneIsAcceptedByTheOther_AndRevokedOnOneIsRefusedByTheOtherOnItsNextRequest()
    {
        var publicUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var hash = GatewayProcess.HashSecret(_secret);
        var (firstPort, secondPort) = (FreePort.Next(), FreePort.Next());
        await using var first = await GatewayProcess.StartAsync("replica-a", _folder, firstPort, publicUrl, publicUrl, redis.ConnectionString, hash);
        await using var second = await GatewayProcess.StartAsync("replica-b", _folder, secondPort, publicUrl, publicUrl, redis.ConnectionString, hash);
        using var a = Client(firstPort);
        using var b = Client(secondPort);

        var token = await TokenAsync(a);
        var acceptedByOther = await GraphQLAsync(b, token);
        var activeOnOther = await IntrospectAsync(b, token);
        using var revoked = await PostFormAsync(a, "/oauth/revoke", new() { ["token"] = token, ["token_type_hint"] = "access_token" });
        var refusedByOther = await GraphQLAsync(b, token);
        var refusedByIssuer = await GraphQLAsync(a, token);
        var inactiveOnOther = await IntrospectAsync(b, token);

        Assert.True(acceptedByOther.Status == HttpStatusCode.OK, $"{acceptedByOther.Status}: {acceptedByOther.Body}\n{second.Output()}");
        Assert.Contains("\"__typename\":\"Query\"", acceptedByOther.Body, StringComparison.Ordinal);
        Assert.True(activeOnOther.GetProperty("active").GetBoolean());
        Assert.Equal(publicUrl.ToString().TrimEnd('/'), activeOnOther.GetProperty("iss").GetString());
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedByOther.Status);
        Assert.Contains("invalid_token", refusedByOther.Challenge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedByIssuer.Status);
        Assert.False(inactiveOnOther.GetProperty("active").GetBoolean());
    }

    private static HttpClient Client(int port) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(30) };

    private async Task<string> TokenAsync(HttpClient replica)
    {
        using var response = await PostFormAsync(replica, "/oauth/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "catalog:read",
            ["audience"] = GatewayProcess.Audience,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string Body, string Challenge)> GraphQLAsync(HttpClient replica, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent(TypeName, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await replica.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.WwwAuthenticate.ToString());
    }

    private async Task<JsonElement> IntrospectAsync(HttpClient replica, string token)
    {
        using var response = await PostFormAsync(replica, "/oauth/introspect", new() { ["token"] = token });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>A form post authenticated as the deployment's client (client_secret_post).</summary>
    private async Task<HttpResponseMessage> PostFormAsync(HttpClient replica, string path, Dictionary<string, string> form)
    {
        form["client_id"] = GatewayProcess.ClientId;
        form["client_secret"] = _secret;
        using var content = new FormUrlEncodedContent(form);
        return await replica.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
