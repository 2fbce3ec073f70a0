using System.Globalization;
using System.Text.RegularExpressions;
using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// Drives a server with wrk (Debian package wrk): one thread, a fixed number of keep-alive
/// connections, the same POST for every request (a Lua script sets method, headers and body).
/// </summary>
internal static partial class WrkTool
{
    /// <summary>wrk's path; installs the Debian package when it is missing and we are root, as eng/prerequisites.sh does for its tools.</summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        if (ToolPath.Find("wrk") is { } wrk)
        {
            return wrk;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("wrk is not installed. Install it with: sudo apt-get install -y wrk");
        }

        Console.WriteLine("Installing wrk (Debian package)...");
        foreach (var arguments in new[] { new[] { "update", "-qq" }, ["install", "-y", "-qq", "--no-install-recommends", "wrk"] })
        {
            var result = await ExternalProcess.RunAsync(
                "apt-get", arguments, environment: new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }, timeout: TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"apt-get {string.Join(' ', arguments)} failed.\n{result}");
            }
        }

        return ToolPath.Find("wrk") ?? throw new InvalidOperationException("wrk is still not on PATH after apt-get install wrk.");
    }

    /// <summary>Writes the Lua script that makes every request the same GraphQL POST.</summary>
    public static string WriteScript(string directory, string body)
    {
        if (body.Contains("]==]", StringComparison.Ordinal))
        {
            throw new ArgumentException("The body would end the Lua long string early.", nameof(body));
        }

        var path = Path.Combine(directory, "graphql-post.lua");
        File.WriteAllText(path, $"""
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Accept"] = "application/graphql-response+json"
            wrk.body = [==[{body}]==]
            """);
        return path;
    }

    /// <summary>The command line as recorded (the port and script path vary per run).</summary>
    public static string CommandLine(int connections, int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"wrk -t 1 -c {connections} --timeout 10s -d {seconds}s --latency -s graphql-post.lua http://127.0.0.1:PORT/graphql");

    /// <summary>One run; with <paramref name="strict"/> any non-2xx answer or socket error fails it (warm-ups are not strict).</summary>
    public static async Task<WrkResult> RunAsync(string wrk, string script, Uri url, int connections, TimeSpan duration, bool strict = true)
    {
        string[] arguments =
        [
            // wrk's default 2 s request timeout is shorter than the stalls a shared 2-core machine can cause.
            "-t", "1", "-c", connections.ToString(CultureInfo.InvariantCulture), "--timeout", "10s",
            "-d", string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds}s"),
            "--latency", "-s", script, url.ToString(),
        ];
        var result = await ExternalProcess.RunAsync(wrk, arguments, timeout: duration + TimeSpan.FromSeconds(30));
        var output = result.StandardOutput;
        if (result.ExitCode != 0 || !output.Contains("Requests/sec:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk failed against {url}.\n{result}");
        }

        // A benchmark of error responses would be meaningless: any non-2xx answer or socket error fails the run.
        if (strict && (output.Contains("Non-2xx", StringComparison.Ordinal) || output.Contains("Socket errors", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"wrk saw failed requests against {url}.\n{output}");
        }

        var total = TotalRegex().Match(output);
        return new WrkResult(
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(total.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(RateRegex().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(AverageRegex().Match(output)),
            Milliseconds(PercentileRegex("50").Match(output)),
            Milliseconds(PercentileRegex("99").Match(output)));
    }

    private static double Milliseconds(Match match)
    {
        if (!match.Success)
        {
            throw new FormatException("wrk's latency line was not found.");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            var unit => throw new FormatException($"Unknown wrk latency unit '{unit}'."),
        };
    }

    private static Regex PercentileRegex(string percentile) =>
        new($@"^\s+{percentile}%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^\s+Latency\s+([0-9.]+)(us|ms|s)\s", RegexOptions.Multiline)]
    private static partial Regex AverageRegex();

    [GeneratedRegex(@"([0-9]+) requests in ([0-9.]+)s")]
    private static partial Regex TotalRegex();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RateRegex();
}
