using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Tests.Host;

public sealed class StandaloneHostTests
{
    [Fact]
    public async Task Host_Development_IssuesTokensToDemoClientsOverHttp()
    {
        await using var host = await RunningHost.StartAsync("Development");
        using var http = new HttpClient { BaseAddress = new Uri(host.Url) };

        using var response = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", DemoClients.LivescaleId), new("client_secret", DemoClients.LivescaleSecret)]));
        var metadata = await http.GetFromJsonAsync<JsonElement>("/.well-known/oauth-authorization-server");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        Assert.Equal("livescale", Jwt.Payload(token).GetProperty("aud").GetString());
        Assert.Equal(host.Url, metadata.GetProperty("issuer").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Host_DevelopmentWithoutIssuer_IsTheIssuerAtTheAddressItListensOn()
    {
        await using var host = await RunningHost.StartOnAnyPortAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Url) };

        using var response = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", DemoClients.LivescaleId), new("client_secret", DemoClients.LivescaleSecret)]));
        var metadata = await http.GetFromJsonAsync<JsonElement>("/.well-known/oauth-authorization-server");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(":0", host.Url, StringComparison.Ordinal);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        Assert.Equal(host.Url, Jwt.Payload(token).GetProperty("iss").GetString());
        Assert.Equal(host.Url, metadata.GetProperty("issuer").GetString());
        Assert.Equal(host.Url + "/.well-known/jwks.json", metadata.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task Host_ProductionWithoutIssuer_RefusesToStartNamingTheKey()
    {
        var app = CommerceGateway.Identity.Host.Program.CreateApplication(["--environment", "Production", "--urls", "http://127.0.0.1:0", "--Identity:DataDirectory", Path.GetTempPath()]);
        await using (app)
        {
            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Identity:Issuer is required outside Development", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Host_ProductionWithoutDataDirectory_RefusesToStart()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync("Production"));

        Assert.Contains("Identity:DataDirectory is required outside Development", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_ProductionWithDataDirectory_PersistsKeysAndHasNoDemoClients()
    {
        var directory = Directory.CreateTempSubdirectory("identity-host-").FullName;
        try
        {
            await using var host = await RunningHost.StartAsync(
                "Production",
                "--Identity:DataDirectory", directory,
                "--Identity:Clients:partner:SecretHash", ClientSecretHasher.Hash("partner-production-secret", 1_000),
                "--Identity:Clients:partner:Audiences:0", "partners");
            using var http = new HttpClient { BaseAddress = new Uri(host.Url) };

            using var demo = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(
                [new("grant_type", "client_credentials"), new("client_id", DemoClients.PartnerId), new("client_secret", DemoClients.PartnerSecret)]));
            using var configured = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(
                [new("grant_type", "client_credentials"), new("client_id", "partner"), new("client_secret", "partner-production-secret")]));

            Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
            Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
            Assert.Single(Directory.GetFiles(Path.Combine(directory, "keys"), "*.json"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
