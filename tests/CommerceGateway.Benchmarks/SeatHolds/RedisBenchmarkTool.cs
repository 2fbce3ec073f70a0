using System.Globalization;
using System.Text.RegularExpressions;
using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks.SeatHolds;

/// <summary>Runs redis-benchmark (Debian package redis-tools) and reads its requests per second.</summary>
internal static partial class RedisBenchmarkTool
{
    private const string InstallHint = "redis-benchmark is not installed. Run ./test.sh (it installs it) or: sudo apt-get install -y redis-tools";

    /// <summary>One redis-benchmark run of a single command line; returns the command as run and its rate.</summary>
    public static async Task<(string CommandLine, double RequestsPerSecond)> RunAsync(
        int port, int clients, int requests, IReadOnlyList<string> command, int pipeline = 1)
    {
        var binary = RedisServer.FindBinary("redis-benchmark") ?? throw new InvalidOperationException(InstallHint);
        string[] arguments =
        [
            "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-r", "100000", "-q",
            .. (pipeline > 1 ? (string[])["-P", pipeline.ToString(CultureInfo.InvariantCulture)] : []),
            .. command,
        ];
        var result = await ExternalProcess.RunAsync(binary, arguments, timeout: TimeSpan.FromMinutes(2));
        var commandLine = "redis-benchmark " + string.Join(' ', arguments.Select(Quote));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{commandLine} failed.\n{result}");
        }

        var output = result.StandardOutput + result.StandardError;
        if (output.Contains("ERR", StringComparison.Ordinal) || output.Contains("NOSCRIPT", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{commandLine} got errors from Redis.\n{result}");
        }

        var rates = RateRegex().Matches(result.StandardOutput);
        if (rates.Count == 0)
        {
            throw new InvalidOperationException($"No 'requests per second' in the output of {commandLine}.\n{result}");
        }

        return (commandLine, double.Parse(rates[^1].Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static string Quote(string argument) =>
        argument.Length == 0 || argument.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"') ? $"'{argument}'" : argument;

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) requests per second")]
    private static partial Regex RateRegex();
}
