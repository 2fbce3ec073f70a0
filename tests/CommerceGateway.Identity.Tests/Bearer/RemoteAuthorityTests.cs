using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Bearer;

/// <summary>
/// With <c>Authority</c> set (a gateway that hosts no identity service), tokens are checked against the
/// issuer's metadata and JWKS, fetched over HTTP and refreshed by IdentityModel's configuration manager.
/// </summary>
public sealed class RemoteAuthorityTests
{
    [Fact]
    public async Task RemoteAuthority_IssuedToken_IsAcceptedViaDiscovery()
    {
        await using var host = await IdentityTestHost.StartAsync(remoteAuthority: true);
        var token = await host.GetTokenAsync();

        var (status, body) = await host.CallApiAsync(token);

        Assert.Equal(200, status);
        Assert.Equal(TestClients.ShopId, body);
        Assert.Contains(host.Logs.Lines, line => line.Contains("GET http://localhost/.well-known/openid-configuration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemoteAuthority_TokenOfAnotherIssuer_Returns401()
    {
        await using var host = await IdentityTestHost.StartAsync(remoteAuthority: true);
        var key = await TokenForge.RealKeyAsync(host);
        var claims = TokenForge.ValidClaims(host);
        claims["iss"] = "http://evil.example";

        Assert.Equal(401, (await host.CallApiAsync(TokenForge.Sign(key.Credentials, claims))).Status);
    }

    [Fact]
    public async Task RemoteAuthority_KeyActivatedSinceTheLastFetch_IsAcceptedOnceTheRefreshLands()
    {
        await using var host = await IdentityTestHost.StartAsync(
            s =>
            {
                s["Identity:Keys:RotationInterval"] = "02:00:00";
                s["Identity:Keys:PublishAhead"] = "00:10:00";
            },
            remoteAuthority: true);
        Assert.Equal(200, (await host.CallApiAsync(await host.GetTokenAsync())).Status);
        host.Time.Advance(TimeSpan.FromMinutes(130));
        var afterRotation = await host.GetTokenAsync();

        // The metadata was read before the successor existed, and its automatic refresh runs on the wall
        // clock. The unknown kid starts a background re-read (IdentityModel 8 no longer blocks on it), so
        // the token is accepted as soon as that lands.
        var status = 0;
        for (var attempt = 0; attempt < 50 && status != 200; attempt++)
        {
            status = (await host.CallApiAsync(afterRotation)).Status;
            if (status != 200)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(200, status);
    }
}
