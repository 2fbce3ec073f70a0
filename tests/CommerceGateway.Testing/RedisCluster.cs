using System.Globalization;
using Xunit;

namespace CommerceGateway.Testing;

/// <summary>
/// A real Redis Cluster on loopback: six redis-server processes on free ports (three masters, three
/// replicas) joined by <c>redis-cli --cluster create ... --cluster-replicas 1</c>. Owned by one test
/// collection; its nodes can be killed and restarted, and a replica can take over its master, to test
/// failovers. Nothing is persisted; the cluster's own node files live in a temporary directory.
/// </summary>
public sealed class RedisCluster : IRedisDeployment
{
    private const int NodeCount = 6;

    /// <summary>Short enough that a killed master is replaced within seconds, long enough for a busy 2-core machine.</summary>
    private const int NodeTimeoutMs = 2000;

    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cg-redis-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly List<RedisServer> _nodes = [];

    /// <summary>The six nodes, in creation order (redis-cli makes the first three masters).</summary>
    public IReadOnlyList<RedisServer> Nodes => _nodes;

    /// <summary>A StackExchange.Redis connection string naming every node; the client discovers the cluster from it.</summary>
    public string ConnectionString =>
        string.Join(',', _nodes.Select(n => n.Endpoint)) + ",abortConnect=false,connectTimeout=1000,syncTimeout=2000";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        for (var i = 0; i < NodeCount; i++)
        {
            var port = FreePort.Next();
            _nodes.Add(RedisServer.Configured(port, [], ClusterArguments(port)));
        }

        await Task.WhenAll(_nodes.Select(n => n.StartAsync()));
        var cli = RedisServer.FindBinary("redis-cli")
            ?? throw new InvalidOperationException("redis-cli is not installed. Run ./test.sh (it installs it) or: sudo apt-get install -y redis-tools");
        var created = await ExternalProcess.RunAsync(
            cli,
            ["--cluster", "create", .. _nodes.Select(n => n.Endpoint), "--cluster-replicas", "1", "--cluster-yes"],
            timeout: TimeSpan.FromMinutes(1));
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed:\n{created}");
        }

        await WaitUntilHealthyAsync();
    }

    /// <summary>
    /// Waits until every running node reports cluster_state:ok, every slot has a running master
    /// and every master has a running replica whose link to it is up.
    /// </summary>
    public async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow + HealthyWithin;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            (var healthy, last) = await CheckHealthAsync();
            if (healthy)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The Redis cluster did not become healthy within {HealthyWithin}: {last}");
    }

    /// <summary>The node that is master of <paramref name="key"/>'s hash slot now.</summary>
    public async Task<RedisServer> MasterOfAsync(string key)
    {
        var anyNode = _nodes.First(n => n.IsRunning);
        var slot = int.Parse((await anyNode.CommandAsync("CLUSTER", "KEYSLOT", key)).TrimStart(':'), CultureInfo.InvariantCulture);
        var view = await TopologyAsync(anyNode);
        var master = view.Single(n => n.IsMaster && n.Slots.Any(r => r.First <= slot && slot <= r.Last));
        return NodeAt(master.Port);
    }

    /// <summary>The replica of <paramref name="master"/>.</summary>
    public async Task<RedisServer> ReplicaOfAsync(RedisServer master)
    {
        ArgumentNullException.ThrowIfNull(master);
        var view = await TopologyAsync(_nodes.First(n => n.IsRunning));
        var id = view.Single(n => n.Port == master.Port).Id;
        return NodeAt(view.First(n => n.MasterId == id && !n.Failed).Port);
    }

    /// <summary>
    /// A manual failover without data loss: <c>CLUSTER FAILOVER</c> on the replica of
    /// <paramref name="key"/>'s master, which catches up with its master and then takes over.
    /// Returns the new master once the cluster is healthy again.
    /// </summary>
    public async Task<RedisServer> FailOverAsync(string key)
    {
        var master = await MasterOfAsync(key);
        var replica = await ReplicaOfAsync(master);
        var reply = await replica.CommandAsync("CLUSTER", "FAILOVER");
        if (reply != "+OK")
        {
            throw new InvalidOperationException($"CLUSTER FAILOVER on {replica.Endpoint} answered {reply}.");
        }

        await WaitUntilAsync(async () => (await MasterOfAsync(key)).Port == replica.Port, $"{replica.Endpoint} to take over {key}'s slot");
        await WaitUntilHealthyAsync();
        return replica;
    }

    /// <summary>
    /// Kills the master of <paramref name="key"/>'s slot (as a crash would) and waits until its
    /// replica has been elected in its place. Returns the killed node; <see cref="RestartAsync"/>
    /// brings it back, as a replica of the new master.
    /// </summary>
    public async Task<(RedisServer Killed, RedisServer Promoted)> KillMasterOfAsync(string key)
    {
        var master = await MasterOfAsync(key);
        var replica = await ReplicaOfAsync(master);
        await master.StopAsync();
        await WaitUntilAsync(async () => (await MasterOfAsync(key)).Port == replica.Port, $"{replica.Endpoint} to be elected for {key}'s slot");
        return (master, replica);
    }

    /// <summary>Starts a stopped node again (it rejoins with its node file) and waits for a healthy cluster.</summary>
    public async Task RestartAsync(RedisServer node)
    {
        ArgumentNullException.ThrowIfNull(node);
        await node.StartAsync();
        await WaitUntilHealthyAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.StopAsync()));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A node file still being written by a dying process; the temporary directory is cleaned by the OS.
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();

    private string[] ClusterArguments(int port) =>
    [
        "--cluster-enabled", "yes",
        "--cluster-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
        "--cluster-config-file", Path.Combine(_directory, $"nodes-{port}.conf"),
        "--cluster-node-timeout", NodeTimeoutMs.ToString(CultureInfo.InvariantCulture),
        // Slots of the other masters keep working while one master's slots fail over.
        "--cluster-require-full-coverage", "no",
        "--dir", _directory,
    ];

    private RedisServer NodeAt(int port) => _nodes.Single(n => n.Port == port);

    private async Task<(bool Healthy, string Why)> CheckHealthAsync()
    {
        try
        {
            foreach (var node in _nodes.Where(n => n.IsRunning))
            {
                var info = await node.CommandAsync("CLUSTER", "INFO");
                if (!info.Contains("cluster_state:ok", StringComparison.Ordinal))
                {
                    return (false, $"{node.Endpoint} reports {FirstLine(info)}");
                }
            }

            var view = await TopologyAsync(_nodes.First(n => n.IsRunning));
            var masters = view.Where(n => n.IsMaster && n.Slots.Count > 0).ToList();
            if (masters.Sum(m => m.Slots.Sum(r => r.Last - r.First + 1)) != 16384 || masters.Any(m => m.Failed || !NodeAt(m.Port).IsRunning))
            {
                return (false, "not every slot has a running master");
            }

            foreach (var master in masters)
            {
                var replica = view.FirstOrDefault(n => n.MasterId == master.Id && !n.Failed && NodeAt(n.Port).IsRunning);
                if (replica is null)
                {
                    return (false, $"master {master.Port} has no running replica");
                }

                var replication = await NodeAt(replica.Port).CommandAsync("INFO", "replication");
                if (!replication.Contains("master_link_status:up", StringComparison.Ordinal))
                {
                    return (false, $"replica {replica.Port} is not linked to its master yet");
                }
            }

            return (true, "");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or FormatException or InvalidOperationException)
        {
            return (false, ex.Message);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + HealthyWithin;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                // A node is going away or the views disagree for a moment.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited {HealthyWithin} for {what}.");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>One line of CLUSTER NODES: "id ip:port@bus flags master ping pong epoch link slot...".</summary>
    private static async Task<List<ClusterNodeView>> TopologyAsync(RedisServer node)
    {
        var text = await node.CommandAsync("CLUSTER", "NODES");
        var nodes = new List<ClusterNodeView>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ');
            var address = fields[1];
            var port = int.Parse(address[(address.IndexOf(':', StringComparison.Ordinal) + 1)..address.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            var flags = fields[2].Split(',');
            var slots = new List<(int First, int Last)>();
            foreach (var range in fields.Skip(8).Where(f => !f.StartsWith('[')))
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                slots.Add(dash < 0
                    ? (int.Parse(range, CultureInfo.InvariantCulture), int.Parse(range, CultureInfo.InvariantCulture))
                    : (int.Parse(range.AsSpan(0, dash), CultureInfo.InvariantCulture), int.Parse(range.AsSpan(dash + 1), CultureInfo.InvariantCulture)));
            }

            nodes.Add(new ClusterNodeView(
                fields[0],
                port,
                flags.Contains("master"),
                flags.Contains("fail") || flags.Contains("fail?"),
                fields[3] == "-" ? null : fields[3],
                slots));
        }

        return nodes;
    }

    private sealed record ClusterNodeView(string Id, int Port, bool IsMaster, bool Failed, string? MasterId, List<(int First, int Last)> Slots);
}
