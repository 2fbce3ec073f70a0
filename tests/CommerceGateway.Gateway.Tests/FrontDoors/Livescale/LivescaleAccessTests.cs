using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>Who may call the front door, and what a base URL reaches.</summary>
public sealed class LivescaleAccessTests(LivescaleFrontDoorFixture fixture) : IClassFixture<LivescaleFrontDoorFixture>
{
    [Fact]
    public async Task TokenOfAnotherAudience_IsRefusedWithAnRfc6750InvalidTokenChallenge()
    {
        var storefront = await fixture.Host.App.GetTokenAsync(DemoClients.StorefrontId, DemoClients.StorefrontSecret, "catalog:read cart:write checkout:write");
        using var shop = fixture.Anonymous("orderflow-demo", storefront);

        var refused = await shop.SendAsync(HttpMethod.Post, "customers/login", new { type = "guest" });

        Assert.Equal(401, refused.Status);
        Assert.Equal("invalid_token", refused.Error);
        Assert.Contains("livescale", refused.Message, StringComparison.Ordinal);
        var challenge = Assert.Single(refused.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallWithoutAToken_IsA401WithABearerChallenge()
    {
        using var shop = fixture.Anonymous("orderflow-demo");

        var refused = await shop.SendAsync(HttpMethod.Get, "catalogs");

        Assert.Equal(401, refused.Status);
        Assert.Equal("Bearer", Assert.Single(refused.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task TokenRequestWithAWrongSecret_IsAnRfc6749InvalidClientError()
    {
        using var shop = fixture.Anonymous("example-demo");

        var refused = await shop.RequestTokenAsync(DemoClients.LivescaleId, "not-the-secret");

        Assert.Equal(401, refused.Status);
        Assert.Equal("invalid_client", refused.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TokenRequestForAnotherAudience_IsAnRfc6749InvalidTargetError()
    {
        using var shop = fixture.Anonymous("example-demo");

        var refused = await shop.RequestTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret, audience: "partners");

        Assert.Equal(400, refused.Status);
        Assert.Equal("invalid_target", refused.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task BasketOfOneChannel_IsNotFoundThroughAnotherChannelsBaseUrl_AndStillWorksOnItsOwn()
    {
        using var orderflow = await fixture.ShopperAsync("orderflow-demo");
        using var example = await fixture.ShopperAsync("example-demo");
        await orderflow.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var basket = await orderflow.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = "1234", quantity = 1 } }, 201);
        var id = basket.GetProperty("id").GetString()!;

        var read = await example.SendAsync(HttpMethod.Get, $"baskets/{id}/payment_methods");
        var changed = await example.SendAsync(HttpMethod.Put, $"baskets/{id}/customer", new { email = "eve@example.test" });
        var ordered = await example.SendAsync(HttpMethod.Post, "orders", new { basket_id = id });
        var own = await orderflow.OkAsync(HttpMethod.Put, $"baskets/{id}/customer", new { email = "ada@example.test" });

        Assert.All(new[] { read, changed, ordered }, a => Assert.Equal((404, "not_found"), (a.Status, a.Error)));
        Assert.Equal("ada@example.test", own.GetProperty("customer").GetProperty("email").GetString());
    }

    [Fact]
    public async Task BasketBeforeAGuestLogin_IsRefused()
    {
        // A token of its own, never linked to a guest.
        using var anonymous = fixture.Anonymous("orderflow-demo");
        var token = (await anonymous.RequestTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret)).Body.GetProperty("access_token").GetString();
        using var shop = fixture.Anonymous("orderflow-demo", token);

        var refused = await shop.SendAsync(HttpMethod.Post, "baskets");

        Assert.Equal((403, "customer_session_required"), (refused.Status, refused.Error));
    }

    [Theory]
    [InlineData("no-such-channel")]
    [InlineData("spendgo-demo")]
    public async Task ChannelThatSellsNothing_IsNotFoundForTheTokenAndForEveryCall(string channel)
    {
        using var anonymous = fixture.Anonymous(channel);
        var token = await anonymous.RequestTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret);
        using var shop = fixture.Anonymous(channel, await fixture.Host.App.GetTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret));

        var call = await shop.SendAsync(HttpMethod.Get, "catalogs");

        Assert.Equal(404, token.Status);
        Assert.Equal((404, "not_found"), (call.Status, call.Error));
    }
}
