using System.Net;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Clients;

public sealed class DemoClientTests
{
    [Theory]
    [InlineData(DemoClients.LivescaleId, DemoClients.LivescaleSecret, "livescale")]
    [InlineData(DemoClients.StorefrontId, DemoClients.StorefrontSecret, "commerce-gateway")]
    [InlineData(DemoClients.PartnerId, DemoClients.PartnerSecret, "partners")]
    public async Task Development_DemoClient_GetsTokenForItsAudience(string clientId, string secret, string audience)
    {
        await using var host = await IdentityTestHost.StartAsync(environment: "Development");

        var token = await host.GetTokenAsync(clientId, secret);

        Assert.Equal(audience, Jwt.Payload(token).GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Production_DemoClient_IsUnknown()
    {
        await using var host = await IdentityTestHost.StartAsync();

        using var response = await host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", DemoClients.LivescaleId), new("client_secret", DemoClients.LivescaleSecret)]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Development_SeedingTurnedOff_HasNoDemoClients()
    {
        await using var host = await IdentityTestHost.StartAsync(s => s["Identity:SeedDemoClientsInDevelopment"] = "false", environment: "Development");

        using var response = await host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", DemoClients.PartnerId), new("client_secret", DemoClients.PartnerSecret)]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
