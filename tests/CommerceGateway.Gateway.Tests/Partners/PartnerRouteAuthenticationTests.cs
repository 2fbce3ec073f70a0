using System.Collections.Concurrent;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>
/// A partner request whose token was validated before costs no OpenIddict transaction: the
/// authentication step answers it from the validated-ticket cache and skips OpenIddict's request
/// handlers, which the identity endpoints still get.
/// </summary>
public sealed class PartnerRouteAuthenticationTests : IAsyncLifetime
{
    private readonly SandboxServer _sandbox = new();
    private readonly ConcurrentQueue<(string Path, bool Server, bool Validation)> _seen = new();
    private GatewayApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        await _sandbox.InitializeAsync();
        App = new GatewayApp(PartnerGateway.Settings(_sandbox), services: services => services.AddSingleton<IStartupFilter>(new TransactionProbe(_seen)));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task PartnerRoute_TokenSeenBefore_IsProxiedWithoutAnyOpenIddictTransaction()
    {
        using var client = await PartnerGateway.PartnerClientAsync(App);
        using var first = await client.GetAsync(new Uri(PartnerGateway.EchoPrefix + "first", UriKind.Relative));
        using var second = await client.GetAsync(new Uri(PartnerGateway.EchoPrefix + "second", UriKind.Relative));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        // The token request went through OpenIddict's server; that is what the probe would see.
        Assert.Contains(_seen, s => s.Path == "/oauth/token" && s.Server);
        // The first sight of the token takes the full validation (its transaction created on demand) ...
        Assert.Contains(_seen, s => s.Path.EndsWith("/first", StringComparison.Ordinal) && s.Validation && !s.Server);
        // ... and the next request with it none at all.
        Assert.Contains(_seen, s => s.Path.EndsWith("/second", StringComparison.Ordinal) && !s.Validation && !s.Server);
    }

    [Fact]
    public async Task PartnerRoute_TokenSeenBeforeThenRevoked_IsRefusedWithInvalidTokenOnTheNextRequest()
    {
        var token = await App.GetTokenAsync(scope: "partners:read", audience: "partners");
        using var client = App.CreateAuthorizedClient(token);
        using var before = await client.GetAsync(new Uri(PartnerGateway.EchoPrefix + "a", UriKind.Relative));
        using var again = await client.GetAsync(new Uri(PartnerGateway.EchoPrefix + "b", UriKind.Relative));

        using var revoke = await RevokeAsync(token);
        using var after = await client.GetAsync(new Uri(PartnerGateway.EchoPrefix + "c", UriKind.Relative));

        Assert.Equal(200, (int)before.StatusCode);
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal(200, (int)revoke.StatusCode);
        Assert.Equal(401, (int)after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> RevokeAsync(string token)
    {
        using var client = App.CreateHttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = CommerceGateway.Identity.DemoClients.PartnerId,
            ["client_secret"] = CommerceGateway.Identity.DemoClients.PartnerSecret,
        });
        return await client.PostAsync(new Uri("/oauth/revoke", UriKind.Relative), form);
    }

    /// <summary>Outermost middleware: records, after each request, which OpenIddict transactions it carried.</summary>
    private sealed class TransactionProbe(ConcurrentQueue<(string Path, bool Server, bool Validation)> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                seen.Enqueue((
                    context.Request.Path.Value ?? string.Empty,
                    context.Features.Get<OpenIddictServerAspNetCoreFeature>() is not null,
                    context.Features.Get<OpenIddictValidationAspNetCoreFeature>() is not null));
            });
            next(app);
        };
    }
}
