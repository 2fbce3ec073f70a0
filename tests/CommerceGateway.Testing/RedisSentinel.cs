using System.Globalization;
using Xunit;

namespace CommerceGateway.Testing;

/// <summary>
/// A real Sentinel deployment on loopback: one master, one replica and three sentinels
/// (<c>redis-server sentinel.conf --sentinel</c>, quorum 2) on free ports. Owned by one test
/// collection; the master can be failed over (<c>SENTINEL FAILOVER</c>) or killed to test how
/// clients follow the promoted replica. Nothing is persisted; the sentinels' configuration files
/// (which they rewrite) live in a temporary directory.
/// </summary>
public sealed class RedisSentinel : IRedisDeployment
{
    /// <summary>The name the sentinels monitor the master under (<c>serviceName=</c> in the connection string).</summary>
    public const string ServiceName = "cg-primary";

    private const int SentinelCount = 3;
    private static readonly TimeSpan SettledWithin = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cg-redis-sentinel-" + Guid.NewGuid().ToString("N"));
    private readonly List<RedisServer> _data = [];
    private readonly List<RedisServer> _sentinels = [];

    /// <summary>The two data nodes: the first started as master, the second as its replica.</summary>
    public IReadOnlyList<RedisServer> DataNodes => _data;

    /// <summary>The three sentinels.</summary>
    public IReadOnlyList<RedisServer> Sentinels => _sentinels;

    /// <summary>A StackExchange.Redis connection string naming the sentinels and the service; the client asks them for the master.</summary>
    public string ConnectionString =>
        string.Join(',', _sentinels.Select(s => s.Endpoint)) + $",serviceName={ServiceName},abortConnect=false,connectTimeout=1000,syncTimeout=2000";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var master = RedisServer.Configured(FreePort.Next(), [], []);
        await master.StartAsync();
        var replica = RedisServer.Configured(FreePort.Next(), [], ["--replicaof", "127.0.0.1", master.Port.ToString(CultureInfo.InvariantCulture)]);
        await replica.StartAsync();
        _data.Add(master);
        _data.Add(replica);

        for (var i = 0; i < SentinelCount; i++)
        {
            var port = FreePort.Next();
            var config = Path.Combine(_directory, $"sentinel-{port}.conf");
            await File.WriteAllTextAsync(config, string.Join('\n',
                $"sentinel monitor {ServiceName} 127.0.0.1 {master.Port} 2",
                $"sentinel down-after-milliseconds {ServiceName} 1000",
                $"sentinel failover-timeout {ServiceName} 5000",
                $"sentinel parallel-syncs {ServiceName} 1",
                ""));
            _sentinels.Add(RedisServer.Configured(port, [config, "--sentinel"], ["--dir", _directory]));
        }

        await Task.WhenAll(_sentinels.Select(s => s.StartAsync()));
        await WaitUntilSettledAsync();
    }

    /// <summary>The data node that every sentinel names as master now.</summary>
    public async Task<RedisServer> MasterAsync()
    {
        var ports = new HashSet<int>();
        foreach (var sentinel in _sentinels.Where(s => s.IsRunning))
        {
            ports.Add((await ViewAsync(sentinel)).MasterPort);
        }

        return ports.Count == 1
            ? _data.Single(d => d.Port == ports.First())
            : throw new InvalidOperationException("The sentinels do not agree on the master yet.");
    }

    /// <summary>
    /// Waits until every sentinel names the same master, sees one replica and the two other
    /// sentinels, the master answers as master and the replica's link to it is up.
    /// </summary>
    public async Task WaitUntilSettledAsync()
    {
        var deadline = DateTime.UtcNow + SettledWithin;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            (var settled, last) = await CheckSettledAsync();
            if (settled)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The Sentinel deployment did not settle within {SettledWithin}: {last}");
    }

    /// <summary>
    /// <c>SENTINEL FAILOVER</c>: the sentinels promote the replica (which catches up first) and make
    /// the old master its replica. Returns the new master once everything has settled.
    /// </summary>
    public async Task<RedisServer> FailOverAsync()
    {
        var before = await MasterAsync();
        var reply = await _sentinels[0].CommandAsync("SENTINEL", "FAILOVER", ServiceName);
        if (reply != "+OK")
        {
            throw new InvalidOperationException($"SENTINEL FAILOVER answered {reply}.");
        }

        return await WaitForNewMasterAsync(before);
    }

    /// <summary>
    /// Kills the master (as a crash would) and waits until the sentinels agree it is down and have
    /// promoted the replica. Returns the killed node; <see cref="RestartAsync"/> brings it back and
    /// the sentinels make it a replica of the new master.
    /// </summary>
    public async Task<(RedisServer Killed, RedisServer Promoted)> KillMasterAsync()
    {
        var before = await MasterAsync();
        await before.StopAsync();
        var deadline = DateTime.UtcNow + SettledWithin;
        while (DateTime.UtcNow < deadline)
        {
            var promoted = await TryMasterAsync();
            if (promoted is not null && promoted.Port != before.Port
                && (await promoted.CommandAsync("INFO", "replication")).Contains("role:master", StringComparison.Ordinal))
            {
                return (before, promoted);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The sentinels did not replace the killed master {before.Endpoint} within {SettledWithin}.");
    }

    /// <summary>Starts a killed data node again and waits until the sentinels have made it a replica and everything settled.</summary>
    public async Task RestartAsync(RedisServer node)
    {
        ArgumentNullException.ThrowIfNull(node);
        await node.StartAsync();
        await WaitUntilSettledAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Task.WhenAll(_sentinels.Concat(_data).Select(n => n.StopAsync()));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A configuration file still being rewritten by a dying sentinel; the OS cleans the temporary directory.
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();

    private async Task<RedisServer> WaitForNewMasterAsync(RedisServer before)
    {
        var deadline = DateTime.UtcNow + SettledWithin;
        while (DateTime.UtcNow < deadline)
        {
            var now = await TryMasterAsync();
            if (now is not null && now.Port != before.Port)
            {
                await WaitUntilSettledAsync();
                return now;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The sentinels did not replace {before.Endpoint} within {SettledWithin}.");
    }

    private async Task<RedisServer?> TryMasterAsync()
    {
        try
        {
            return await MasterAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.Sockets.SocketException)
        {
            return null;
        }
    }

    private async Task<(bool Settled, string Why)> CheckSettledAsync()
    {
        try
        {
            foreach (var sentinel in _sentinels)
            {
                var view = await ViewAsync(sentinel);
                if (view.Status != "ok" || view.Replicas != 1 || view.Sentinels != SentinelCount)
                {
                    return (false, $"sentinel {sentinel.Port} sees status={view.Status}, {view.Replicas} replicas, {view.Sentinels} sentinels");
                }
            }

            var master = await MasterAsync();
            if (!(await master.CommandAsync("INFO", "replication")).Contains("role:master", StringComparison.Ordinal))
            {
                return (false, $"{master.Endpoint} does not answer as master yet");
            }

            var replica = _data.Single(d => d.Port != master.Port);
            var replication = await replica.CommandAsync("INFO", "replication");
            if (!replication.Contains($"master_port:{master.Port}", StringComparison.Ordinal) || !replication.Contains("master_link_status:up", StringComparison.Ordinal))
            {
                return (false, $"{replica.Endpoint} is not linked to {master.Endpoint} yet");
            }

            return (true, "");
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.Sockets.SocketException or FormatException)
        {
            return (false, ex.Message);
        }
    }

    /// <summary>Reads "master0:name=...,status=ok,address=127.0.0.1:port,slaves=1,sentinels=3" from INFO sentinel.</summary>
    private static async Task<(string Status, int MasterPort, int Replicas, int Sentinels)> ViewAsync(RedisServer sentinel)
    {
        var info = await sentinel.CommandAsync("INFO", "sentinel");
        var line = info.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains($"name={ServiceName},", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Sentinel {sentinel.Port} does not monitor {ServiceName}.");
        var fields = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]
            .Split(',')
            .Select(f => f.Split('=', 2))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var address = fields["address"];
        return (
            fields["status"],
            int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture),
            int.Parse(fields["slaves"], CultureInfo.InvariantCulture),
            int.Parse(fields["sentinels"], CultureInfo.InvariantCulture));
    }
}
