using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CommerceGateway.Testing;

/// <summary>
/// A server a benchmark or soak starts as a child process and always kills (with its own children, e.g.
/// nginx workers) on dispose, so nothing outlives the run. Its output is kept for error messages.
/// </summary>
public sealed class ChildServer : IAsyncDisposable
{
    // Children still running when the benchmark is stopped (Ctrl+C, SIGTERM): finally blocks of
    // pending awaits do not run then, so the signal handlers kill what is left.
    private static readonly HashSet<Process> Running = [];
    // Kept in a field: a registration that is collected stops handling its signal.
    private static readonly PosixSignalRegistration[] SignalHandlers =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, _ => KillRunning()))];
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    static ChildServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillRunning();

    private ChildServer(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts <paramref name="fileName"/> and waits until it accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<ChildServer> StartAsync(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        int port,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var server = new ChildServer(name, process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        }

        lock (Running)
        {
            Running.Add(process);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>What the child printed so far (bounded), for error messages.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping a container does, without waiting for the exit.</summary>
    public async Task TerminateAsync() =>
        await ExternalProcess.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(5));

    /// <summary>Waits until the child exits by itself; its exit code, or null when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Throws when the child has died, e.g. between two load runs.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}.\n{Output()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGTERM first: nginx's master then stops its workers (a SIGKILLed master leaves them
                // running), `timeout` passes it on, and the gateway shuts down as it would in a container.
                await ExternalProcess.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(5));
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or already gone: nothing left to stop.
        }
        finally
        {
            lock (Running)
            {
                Running.Remove(_process);
            }

            _process.Dispose();
        }
    }

    private static void KillRunning()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    // As in DisposeAsync: SIGTERM so nginx's master takes its workers down, then SIGKILL.
                    using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                    term.WaitForExit(2000);
                    if (!process.WaitForExit(5000))
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Already gone, or not ours to kill any more: keep stopping the others.
                }
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // A chatty child must not grow the benchmark's memory during a long run.
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            EnsureRunning();
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Name} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s.\n{Output()}");
    }
}
