using System.Globalization;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// Two gateway replicas on one real redis-server: <see cref="Up"/> reaches the sandbox, <see cref="Down"/>
/// has its OrderFlow and Livescale channels on a loopback port where nothing listens, as a replica whose
/// backend refuses connections. A cart made on one is paid on the other; the sandbox's ledger shows what
/// was charged.
/// </summary>
public sealed class NeverSentPaymentFixture : IAsyncLifetime, IDisposable
{
    private const string KeyPrefix = "neversent:";

    private CommerceGatewayHost? _up;
    private CommerceGatewayHost? _down;

    public RedisServer Redis { get; } = new();

    public RequestLogSandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Up => _up ?? throw new InvalidOperationException("Not started.");

    public CommerceGatewayHost Down => _down ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        await Sandbox.InitializeAsync();
        _up = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: KeyPrefix);
        var closed = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var down = new Dictionary<string, string?>();
        foreach (var (channel, protocol) in new[] { (CommerceGatewayHost.OrderFlow, "orderflow"), (CommerceGatewayHost.Livescale, "livescale") })
        {
            down[$"Channels:{channel}:BaseUrl"] = $"http://127.0.0.1:{closed}/{protocol}/";
            down[$"Channels:{channel}:Resilience:RetryBaseDelay"] = "00:00:00.010";

            // Two refused calls open the circuit, so a later payment is refused by the breaker, not the socket.
            down[$"Channels:{channel}:Resilience:CircuitBreakerMinimumThroughput"] = "2";
            down[$"Channels:{channel}:Resilience:CircuitBreakerBreakDuration"] = "00:05:00";
        }

        _down = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: KeyPrefix, settings: down);
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Redis.DisposeAsync();
    }

    public void Dispose()
    {
        _up?.Dispose();
        _down?.Dispose();
        Redis.Dispose();
    }
}
