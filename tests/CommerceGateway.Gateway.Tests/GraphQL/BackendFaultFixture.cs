using System.Globalization;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A gateway whose channels fail on purpose: livescale-demo gives up on a silent backend after a
/// fraction of a second (so a timeout test takes seconds, not the default 15) and never opens its
/// circuit, and booking-demo
/// points at a loopback port where nothing listens.
/// </summary>
public sealed class BackendFaultFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The longest a livescale-demo call may take in this fixture, every retry included.</summary>
    public static readonly TimeSpan LivescaleTotalTimeout = TimeSpan.FromSeconds(1.5);

    private CommerceGatewayHost? _host;

    public SandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        _host = new CommerceGatewayHost(Sandbox, settings: new Dictionary<string, string?>
        {
            ["Channels:livescale-demo:Resilience:AttemptTimeout"] = "00:00:00.500",
            ["Channels:livescale-demo:Resilience:TotalTimeout"] = LivescaleTotalTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Channels:livescale-demo:Resilience:RetryBaseDelay"] = "00:00:00.010",

            // Every test here fails calls on purpose; an open circuit would turn a timeout into "unavailable".
            ["Channels:livescale-demo:Resilience:CircuitBreakerMinimumThroughput"] = "1000",
            ["Channels:booking-demo:BaseUrl"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/",
            ["Channels:booking-demo:Resilience:RetryBaseDelay"] = "00:00:00.010",
        });
    }

    public Task DisposeAsync() => Sandbox.DisposeAsync();

    public void Dispose() => _host?.Dispose();
}
