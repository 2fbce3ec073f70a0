using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace CommerceGateway.Testing;

/// <summary>
/// A real redis-server on a free loopback port, owned by one test class or collection. Never a
/// system service: each instance is private, without persistence, and can be stopped (killed, or
/// shut down) and started again on the same port to test outages.
/// </summary>
public sealed class RedisServer : IRedisDeployment
{
    private const string InstallHint = "redis-server is not installed. Run ./test.sh (it installs it) or: sudo apt-get install -y redis-server redis-tools";
    private readonly IReadOnlyList<string> _leadingArguments;
    private readonly IReadOnlyList<string> _extraArguments;
    private readonly string _databaseFile = $"cg-redis-{Guid.NewGuid():N}.rdb";
    private Process? _process;

    /// <summary>A plain server on a free port.</summary>
    public RedisServer()
        : this(FreePort.Next(), [], [])
    {
    }

    private RedisServer(int port, IReadOnlyList<string> leadingArguments, IReadOnlyList<string> extraArguments)
    {
        Port = port;
        _leadingArguments = leadingArguments;
        _extraArguments = extraArguments;
    }

    /// <summary>The TCP port the server listens on, stable across restarts.</summary>
    public int Port { get; }

    /// <summary>Whether the process is running (it may still be starting).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A StackExchange.Redis connection string that connects quickly after an outage (the stores replace its timeouts with their own).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=2000";

    /// <summary>"host:port", for redis-cli and redis-benchmark.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>
    /// A server on <paramref name="port"/> with more arguments: <paramref name="leadingArguments"/>
    /// come first (a configuration file, <c>--sentinel</c>), <paramref name="extraArguments"/> after
    /// the usual ones (cluster or replication settings). Used by <see cref="RedisCluster"/> and
    /// <see cref="RedisSentinel"/>.
    /// </summary>
    public static RedisServer Configured(int port, IEnumerable<string> leadingArguments, IEnumerable<string> extraArguments) =>
        new(port, [.. leadingArguments], [.. extraArguments]);

    /// <summary>Starts the server and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var binary = FindBinary("redis-server") ?? throw new InvalidOperationException(InstallHint);
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])
        [
            .. _leadingArguments,
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
            "--protected-mode", "yes", "--loglevel", "warning",
            // A replica stores the copy it receives from its master in this file; a file of its own
            // (never the working directory's dump.rdb) keeps any other server from loading it at start.
            "--dir", Path.GetTempPath(), "--dbfilename", _databaseFile,
            .. _extraArguments,
        ])
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} on port {Port}.");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer PING within 10 seconds.");
    }

    /// <summary>Kills the server (as a crash would); <see cref="StartAsync"/> brings it back, empty.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
        File.Delete(Path.Combine(Path.GetTempPath(), _databaseFile));
    }

    /// <summary>
    /// Freezes the process (SIGSTOP): it keeps its connections but answers nothing, as a server
    /// stuck on a slow disk or a paused VM would. <see cref="ThawAsync"/> lets it go on.
    /// </summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>Lets a frozen process go on (SIGCONT).</summary>
    public Task ThawAsync() => SignalAsync("CONT");

    /// <summary>
    /// Stops the server the way an operator would, with <c>SHUTDOWN NOSAVE</c> (it closes its client
    /// connections itself); <see cref="StartAsync"/> brings it back, empty.
    /// </summary>
    public async Task ShutdownAsync()
    {
        if (_process is null || _process.HasExited)
        {
            await StopAsync();
            return;
        }

        try
        {
            await CommandAsync("SHUTDOWN", "NOSAVE");
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // The server closes the connection instead of answering SHUTDOWN.
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(deadline.Token);
        await StopAsync();
    }

    /// <summary>
    /// Sends one command on a connection of its own (not through StackExchange.Redis) and returns the
    /// reply: its first line for a simple reply, for example ":0" for <c>EXISTS</c> or "+OK", the text
    /// of a bulk reply (<c>INFO</c>). Empty when the server closed the connection without answering.
    /// </summary>
    public async Task<string> CommandAsync(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        var reply = new List<byte>();
        var buffer = new byte[256];
        while (true)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return Encoding.UTF8.GetString([.. reply]);
            }

            reply.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.UTF8.GetString([.. reply]);
            var end = text.IndexOf("\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            if (!text.StartsWith('$'))
            {
                return text[..end];
            }

            var length = int.Parse(text.AsSpan(1, end - 1), System.Globalization.CultureInfo.InvariantCulture);
            var body = reply.Count - Encoding.UTF8.GetByteCount(text[..(end + 2)]);
            if (length < 0 || body >= length + 2)
            {
                return length < 0 ? "" : Encoding.UTF8.GetString([.. reply], reply.Count - body, length);
            }
        }
    }

    private async Task SignalAsync(string signal)
    {
        var process = _process is { HasExited: false } running ? running : throw new InvalidOperationException($"redis-server on port {Port} is not running.");
        var result = await ExternalProcess.RunAsync("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} failed: {result}");
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => StopAsync();

    /// <inheritdoc />
    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? FindBinary(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
