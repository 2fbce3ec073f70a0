using System.Collections.Concurrent;
using CommerceGateway.Checkout;
using CommerceGateway.Gateway.Tests.GraphQL;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>
/// A real gateway over a real sandbox, and Livescale's client of it: one access token per channel,
/// each from that channel's own <c>/oauth/token</c> with the demo <c>livescale</c> client (tokens
/// are slow to issue on purpose, so the tests of a class share them).
/// </summary>
public sealed class LivescaleFrontDoorFixture : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new(StringComparer.Ordinal);
    private CommerceGatewayHost? _host;

    public SandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    public LivescaleConformance Conformance { get; } = new();

    /// <summary>The checkout core's orders the front door calls, to read what the backend has.</summary>
    public OrderService Orders => Host.App.Services.GetRequiredService<OrderService>();

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        _host = new CommerceGatewayHost(Sandbox);
    }

    /// <summary>Livescale on <paramref name="channel"/>'s base URL, with an access token from it.</summary>
    public async Task<LivescaleShopper> ShopperAsync(string channel) =>
        new(Host.App.BaseUrl, channel, Conformance, await _tokens.GetOrAdd(channel, c => new Lazy<Task<string>>(() => TokenAsync(c))).Value);

    /// <summary>Livescale on a base URL without a token.</summary>
    public LivescaleShopper Anonymous(string channel, string? token = null)
    {
        _ = Host.App.CreateHttpClient();
        return new LivescaleShopper(Host.App.BaseUrl, channel, Conformance, token);
    }

    public Task DisposeAsync() => Sandbox.DisposeAsync();

    public void Dispose() => _host?.Dispose();

    private async Task<string> TokenAsync(string channel)
    {
        using var anonymous = Anonymous(channel);
        var answer = await anonymous.RequestTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret);
        Assert.True(answer.Status == 200, $"token on {channel}: {answer.Status} {answer.Body}");
        return answer.Body.GetProperty("access_token").GetString()!;
    }
}
