using CommerceGateway.Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Tests.Options;

public sealed class IdentityOptionsTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new IdentityOptions();

        Assert.Null(options.Issuer);
        Assert.Null(options.DataDirectory);
        Assert.True(options.SeedDemoClientsInDevelopment);
        Assert.Equal(TimeSpan.FromHours(1), options.Tokens.AccessTokenLifetime);
        Assert.Equal("ES256", options.Keys.Algorithm);
        Assert.Equal(TimeSpan.FromDays(30), options.Keys.RotationInterval);
        Assert.Equal(TimeSpan.FromHours(1), options.Keys.PublishAhead);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Keys.RefreshInterval);
        Assert.Equal(5, options.RateLimiting.FailuresPerClient);
        Assert.Equal(20, options.RateLimiting.FailuresPerAddress);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RateLimiting.Window);
    }

    [Theory]
    [InlineData("Identity:Issuer", null, "Identity:Issuer is required")]
    [InlineData("Identity:Issuer", "not a url", "Identity:Issuer must be an absolute http or https URL")]
    [InlineData("Identity:Issuer", "ftp://example.com", "Identity:Issuer must be an absolute http or https URL")]
    [InlineData("Identity:Tokens:AccessTokenLifetime", "00:00:10", "Identity:Tokens:AccessTokenLifetime must be between 00:01:00 and 1.00:00:00")]
    [InlineData("Identity:Keys:Algorithm", "HS256", "Identity:Keys:Algorithm must be ES256 or RS256, but is 'HS256'")]
    [InlineData("Identity:Keys:Algorithm", "none", "Identity:Keys:Algorithm must be ES256 or RS256, but is 'none'")]
    [InlineData("Identity:Keys:RotationInterval", "00:30:00", "Identity:Keys:RotationInterval must be at least 01:00:00")]
    [InlineData("Identity:Keys:PublishAhead", "40.00:00:00", "Identity:Keys:PublishAhead must be at least 00:00:00 and shorter than Identity:Keys:RotationInterval")]
    [InlineData("Identity:RateLimiting:FailuresPerClient", "0", "Identity:RateLimiting:FailuresPerClient must be at least 1")]
    [InlineData("Identity:Clients:shop:SecretHash", "plain-secret", "Identity:Clients:shop:SecretHash is missing or malformed")]
    [InlineData("Identity:Clients:shop:DefaultScopes:0", "admin", "Identity:Clients:shop:DefaultScopes has 'admin', which is not in Identity:Clients:shop:AllowedScopes")]
    [InlineData("Identity:Clients:shop:DefaultAudience", "elsewhere", "Identity:Clients:shop:DefaultAudience 'elsewhere' is not one of Identity:Clients:shop:Audiences")]
    [InlineData("Identity:Clients:shop:AccessTokenLifetime", "2.00:00:00", "Identity:Clients:shop:AccessTokenLifetime must be between")]
    [InlineData("Identity:Clients:new:AllowedScopes:0", "a", "Identity:Clients:new:Audiences must list at least one non-empty audience")]
    public async Task Start_InvalidSetting_FailsWithMessageNamingTheKey(string key, string? value, string message)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => IdentityTestHost.StartAsync(s => s[key] = value));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGatewayIdentity_ActionOverload_ConfiguresInCode()
    {
        await using var host = await IdentityTestHost.StartAsync(services: services => services.AddGatewayIdentity(o => o.Tokens.AccessTokenLifetime = TimeSpan.FromMinutes(2)));

        var payload = Jwt.Payload(await host.GetTokenAsync());

        Assert.Equal(120, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }
}
