using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Endpoints;

public sealed class SensitiveDataLoggingTests
{
    [Fact]
    public async Task Logs_AfterEveryEndpoint_HoldNoSecretTokenOrKey()
    {
        await using var host = await IdentityTestHost.StartAsync(environment: "Development");
        var token = await host.GetTokenAsync();
        var demoToken = await host.GetTokenAsync(DemoClients.PartnerId, DemoClients.PartnerSecret);
        using (await host.PostFormAsync([new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", "wrong-" + TestClients.OtherSecret)]))
        using (await host.PostFormAsync([new("grant_type", "client_credentials")], authorization: IdentityTestHost.Basic(TestClients.OtherId, "basic-" + TestClients.ShopSecret)))
        {
        }

        await host.IntrospectAsync(token);
        await host.CallApiAsync(token);
        using (await host.PostFormAsync([new("token", token), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret)], "/oauth/revoke"))
        {
        }

        await host.CallApiAsync(token);

        var logs = string.Join('\n', host.Logs.Lines);
        Assert.Contains("[3001]", logs, StringComparison.Ordinal);
        Assert.Contains("[3002]", logs, StringComparison.Ordinal);
        Assert.Contains("[3021]", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { TestClients.ShopSecret, TestClients.OtherSecret, DemoClients.PartnerSecret, token, demoToken, token.Split('.')[2], "PRIVATE KEY" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
