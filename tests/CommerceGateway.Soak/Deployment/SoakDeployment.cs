using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak.Deployment;

/// <summary>
/// Everything a soak runs on loopback: a six-node Redis Cluster, the sandbox backends in one
/// process, three gateway processes on that cluster and nginx round robin in front of them.
/// Faults are injected here: a replica killed with SIGKILL and restarted, a master failed over.
/// </summary>
public sealed class SoakDeployment : IAsyncDisposable
{
    /// <summary>How many gateway replicas run behind the balancer.</summary>
    public const int ReplicaCount = 3;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cg-soak-" + Guid.NewGuid().ToString("N"));
    private readonly ChildServer?[] _replicas = new ChildServer?[ReplicaCount];
    private readonly int[] _replicaPorts = [.. Enumerable.Range(0, ReplicaCount).Select(_ => FreePort.Next())];
    private readonly string _secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    private string _secretHash = "";
    private ChildServer? _sandbox;
    private ChildServer? _nginx;

    private SoakDeployment()
    {
    }

    /// <summary>The cluster every replica keeps its state in.</summary>
    public RedisCluster Redis { get; } = new();

    /// <summary>The balancer's address: the one public URL buyers use.</summary>
    public Uri PublicUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The sandbox process's root URL.</summary>
    public Uri SandboxUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The storefront client's id and secret (the replicas hold only its hash).</summary>
    public (string Id, string Secret) Client => (GatewayProcess.ClientId, _secret);

    /// <summary>Starts the whole stack; disposes what started when a part fails.</summary>
    public static async Task<SoakDeployment> StartAsync(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var stack = new SoakDeployment();
        try
        {
            Directory.CreateDirectory(stack._folder);
            var watch = Stopwatch.StartNew();
            await stack.Redis.InitializeAsync();
            log.WriteLine($"redis cluster: 6 nodes ({string.Join(' ', stack.Redis.Nodes.Select(n => n.Port))}) in {watch.Elapsed.TotalSeconds:0.0} s");
            var sandboxPort = FreePort.Next();
            stack.SandboxUrl = new Uri($"http://127.0.0.1:{sandboxPort.ToString(CultureInfo.InvariantCulture)}/");
            stack._sandbox = await SandboxProcess.StartAsync(sandboxPort);
            var nginxPort = FreePort.Next();
            stack.PublicUrl = new Uri($"http://127.0.0.1:{nginxPort.ToString(CultureInfo.InvariantCulture)}/");
            stack._secretHash = GatewayProcess.HashSecret(stack._secret);
            await Task.WhenAll(Enumerable.Range(0, ReplicaCount).Select(stack.StartReplicaAsync));
            stack._nginx = await LoadBalancer.StartAsync(stack._folder, nginxPort, stack._replicaPorts);
            log.WriteLine($"sandbox :{sandboxPort}, gateways :{string.Join(" :", stack._replicaPorts)}, nginx :{nginxPort}; up in {watch.Elapsed.TotalSeconds:0.0} s");
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills replica <paramref name="index"/>'s gateway with SIGKILL, as an OOM kill or a node loss would.</summary>
    public async Task KillReplicaAsync(int index)
    {
        var replica = _replicas[index] ?? throw new InvalidOperationException($"Replica {index} is not running.");
        // The child is `timeout`, which runs dotnet: the gateway is timeout's only child.
        var children = await ExternalProcess.RunAsync("ps", ["-o", "pid=", "--ppid", replica.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        foreach (var pid in children.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await ExternalProcess.RunAsync("kill", ["-KILL", pid]);
        }

        await replica.DisposeAsync();
        _replicas[index] = null;
    }

    /// <summary>Starts replica <paramref name="index"/> again on its port, as an orchestrator would.</summary>
    public Task RestartReplicaAsync(int index) => StartReplicaAsync(index);

    /// <summary>
    /// Fails over the master that holds the most keys (the soak's seats, carts and payments):
    /// <c>CLUSTER FAILOVER</c> on its replica. Returns the promoted node's port.
    /// </summary>
    public async Task<int> FailOverBusiestMasterAsync()
    {
        var busiest = (RedisServer?)null;
        var most = -1L;
        foreach (var node in Redis.Nodes.Where(n => n.IsRunning))
        {
            if (!(await node.CommandAsync("INFO", "replication")).Contains("role:master", StringComparison.Ordinal))
            {
                continue;
            }

            var size = long.Parse((await node.CommandAsync("DBSIZE")).TrimStart(':'), CultureInfo.InvariantCulture);
            if (size > most)
            {
                (busiest, most) = (node, size);
            }
        }

        var key = await busiest!.CommandAsync("RANDOMKEY");
        var promoted = await Redis.FailOverAsync(key);
        return promoted.Port;
    }

    /// <summary>Whether any replica process died on its own (not by <see cref="KillReplicaAsync"/>).</summary>
    public void EnsureRunning()
    {
        _sandbox?.EnsureRunning();
        _nginx?.EnsureRunning();
        foreach (var replica in _replicas)
        {
            replica?.EnsureRunning();
        }
    }

    /// <summary>What the replicas printed (warnings and errors), for a failure's message.</summary>
    public string ReplicaOutput() => string.Join("\n", _replicas.Where(r => r is not null).Select(r => $"--- {r!.Name}\n{r.Output()}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        await Task.WhenAll(_replicas.Where(r => r is not null).Select(r => r!.DisposeAsync().AsTask()));
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // nginx's temp files may still be closing; the OS cleans the temporary directory.
        }
    }

    private async Task StartReplicaAsync(int index) =>
        _replicas[index] = await GatewayProcess.StartAsync(
            "gateway-" + index.ToString(CultureInfo.InvariantCulture), _folder, _replicaPorts[index], PublicUrl, SandboxUrl, Redis.ConnectionString, _secretHash);
}
