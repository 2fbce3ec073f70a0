using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.GuestManager;

public sealed class GuestManagerAuthTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong_key")]
    public async Task AnyCall_MissingOrWrongTokenKey_Is401AskingForTheTokenScheme(string? key)
    {
        using var api = new GuestManagerApi(sandbox, key);

        var response = await api.GetAsync(1);

        response.Error(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task AnyCall_BearerSchemeWithTheRightKey_IsRefused()
    {
        using var client = new HttpClient { BaseAddress = sandbox.ProtocolUrl("guestmanager") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", GuestManagerApi.Key);

        using var response = await client.GetAsync(new Uri("api/public/v2/orders/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
