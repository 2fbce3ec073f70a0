using System.Diagnostics;
using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// Backend faults through <c>/graphql</c>: not business outcomes (no userErrors) but GraphQL errors
/// whose <c>extensions.code</c> tells a front-end whether to retry later or give up waiting.
/// </summary>
public sealed class BackendFaultTests(BackendFaultFixture fixture) : IClassFixture<BackendFaultFixture>, IAsyncLifetime
{
    private const string CreateLivescaleCart = "mutation { cartCreate(channel: \"livescale-demo\", currency: \"USD\") { cart { id } userErrors { code field message } } }";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Sandbox.ClearFaultAsync("livescale");

    [Fact]
    public async Task BackendAnswering503_IsABackendUnavailableError()
    {
        using var api = await fixture.Host.StorefrontAsync();
        await fixture.Sandbox.SetFaultAsync("livescale", new FaultSpec { Status = 503 });

        var body = await api.SendAsync("{ products(channel: \"livescale-demo\", first: 5) { nodes { id } } }");

        Assert.Equal("BACKEND_UNAVAILABLE", Code(body));
        Assert.Contains("livescale-demo", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MutationOnABackendAnswering503_IsABackendUnavailableError_NotAUserError()
    {
        using var api = await fixture.Host.StorefrontAsync();
        await fixture.Sandbox.SetFaultAsync("livescale", new FaultSpec { Status = 503 });

        var body = await api.SendAsync(CreateLivescaleCart);

        Assert.Equal("BACKEND_UNAVAILABLE", Code(body));
        Assert.True(body.GetProperty("data").ValueKind == JsonValueKind.Null || body.GetProperty("data").GetProperty("cartCreate").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task ChannelPointingAtADeadPort_IsABackendUnavailableError()
    {
        using var api = await fixture.Host.StorefrontAsync();

        var body = await api.SendAsync("mutation { cartCreate(channel: \"booking-demo\", currency: \"EUR\") { cart { id } userErrors { code field message } } }");

        Assert.Equal("BACKEND_UNAVAILABLE", Code(body));
        Assert.Contains("booking-demo", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackendThatNeverAnswers_IsABackendTimeoutError_WithinTheChannelsTimeout()
    {
        using var api = await fixture.Host.StorefrontAsync();
        await fixture.Sandbox.SetFaultAsync("livescale", new FaultSpec { Timeout = true });

        var watch = Stopwatch.StartNew();
        var body = await api.SendAsync("{ products(channel: \"livescale-demo\", first: 5) { nodes { id } } }");
        watch.Stop();

        Assert.Equal("BACKEND_TIMEOUT", Code(body));
        // The sandbox would stay silent for 100 s; the answer comes once the channel's total timeout is spent.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.4), BackendFaultFixture.LivescaleTotalTimeout + TimeSpan.FromSeconds(3));
    }

    private static string? Code(JsonElement body)
    {
        Assert.True(body.TryGetProperty("errors", out var errors), "expected GraphQL errors: " + body);
        return errors[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    private static string Message(JsonElement body) => body.GetProperty("errors")[0].GetProperty("message").GetString()!;
}
