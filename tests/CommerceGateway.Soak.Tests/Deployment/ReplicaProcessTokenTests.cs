using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommerceGateway.Checkout.State;
using CommerceGateway.Identity;
using CommerceGateway.Soak.Deployment;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Soak.Tests.Deployment;

/// <summary>
/// Two gateway processes, as shipped, on one redis-server behind one public issuer: what identity does on
/// one replica holds on the other on its next request, with no call between them (each validates in
/// process from the shared state store).
/// </summary>
/// <remarks>
/// Processes keep real time and keys rotate at least an hour apart, so the rotation test seeds the store with
/// the key a deployment made 59 minutes ago, as the replicas would find it an hour into their life.
/// </remarks>
public sealed class ReplicaProcessTokenTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const string TypeName = "{\"query\":\"{ __typename }\"}";
    // The key document's shape in the store: camelCase members.
    private static readonly JsonSerializerOptions StoreJson = new(JsonSerializerDefaults.Web);
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

    [Fact]
    public async Task KeyRotatedByOneReplicaProcess_SignsTokensTheOtherAccepts_AndIsPublishedBeforeItSigns()
    {
        // Rotation is due PublishAhead before the active key's hour is up: about 8 s from now on the first
        // replica, which then publishes the successor for 20 s before signing with it. The second publishes no
        // successor ahead (PublishAhead 0) and re-reads the keys only when due or told of an unknown kid.
        var publicUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var prefix = $"rotate-{Guid.NewGuid():N}:";
        var seeded = await SeedKeyAsync(prefix, DateTimeOffset.UtcNow - TimeSpan.FromHours(1) + TimeSpan.FromSeconds(28));
        var hash = GatewayProcess.HashSecret(_secret);
        var (rotatingPort, otherPort) = (FreePort.Next(), FreePort.Next());
        await using var other = await GatewayProcess.StartAsync("replica-other", _folder, otherPort, publicUrl, publicUrl, redis.ConnectionString, hash, Keys(prefix, publishAhead: "00:00:00", refresh: "01:00:00"));
        using var b = Client(otherPort);
        var before = await TokenAsync(b);
        var acceptedBefore = await GraphQLAsync(b, before);
        await using var rotating = await GatewayProcess.StartAsync("replica-rotating", _folder, rotatingPort, publicUrl, publicUrl, redis.ConnectionString, hash, Keys(prefix, publishAhead: "00:00:20", refresh: "00:00:01"));
        using var a = Client(rotatingPort);

        var published = await EventuallyAsync(async () => (await PublishedKeyIdsAsync(a)) is { Count: 2 } ids ? ids : null, TimeSpan.FromSeconds(60));
        var successor = Assert.Single(published, id => id != seeded);
        var signingBefore = KeyId(await TokenAsync(a));
        var after = await EventuallyAsync(async () => await TokenAsync(a) is var t && KeyId(t) == successor ? t : null, TimeSpan.FromSeconds(60));
        var acceptedAfter = await GraphQLAsync(b, after);

        Assert.Equal(seeded, KeyId(before));
        Assert.Equal(HttpStatusCode.OK, acceptedBefore.Status);
        Assert.Equal(seeded, signingBefore);
        Assert.True(acceptedAfter.Status == HttpStatusCode.OK, $"{acceptedAfter.Status}: {acceptedAfter.Body}\n{other.Output()}");
        Assert.Contains("\"__typename\":\"Query\"", acceptedAfter.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GraphQLAsync(b, before)).Status);
    }

    private static Dictionary<string, string> Keys(string prefix, string publishAhead, string refresh) => new()
    {
        ["StateStore:KeyPrefix"] = prefix,
        ["Identity:Keys:RotationInterval"] = "01:00:00",
        ["Identity:Keys:PublishAhead"] = publishAhead,
        ["Identity:Keys:RefreshInterval"] = refresh,
    };

    /// <summary>Writes one ES256 key, active since <paramref name="activatesAt"/>, where the replicas keep their keys.</summary>
    private async Task<string> SeedKeyAsync(string prefix, DateTimeOffset activatesAt)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["StateStore:KeyPrefix"] = prefix,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddStateStore(configuration).BuildServiceProvider();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = "seeded-" + Guid.NewGuid().ToString("N");
        var record = new SigningKeyRecord(keyId, "ES256", activatesAt, activatesAt, key.ExportPkcs8PrivateKeyPem());
        var document = JsonSerializer.Serialize(new[] { record }, StoreJson);
        await services.GetRequiredService<ISessionStore>().PutAsync("identity:signing-keys", document, 0, TimeSpan.FromDays(1));
        return keyId;
    }

    private static async Task<List<string>> PublishedKeyIdsAsync(HttpClient replica)
    {
        using var json = JsonDocument.Parse(await replica.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan within)
        where T : class
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not seen within {within}.");
            await Task.Delay(500);
        }
    }

    private static string? KeyId(string token)
    {
        var part = token.Split('.')[0].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        using var header = JsonDocument.Parse(Convert.FromBase64String(part));
        return header.RootElement.GetProperty("kid").GetString();
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
