using System.Globalization;
using System.Text.RegularExpressions;
using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>Runs Debian's wrk (closed loop: each connection waits for its answer) and reads its totals.</summary>
internal sealed partial class WrkTool(string binary, int threads, int connections, string authorization)
{
    /// <summary>The command line without the bearer token, for the report.</summary>
    public string Describe(TimeSpan duration, string url) =>
        $"wrk -t{threads} -c{connections} -d{duration.TotalSeconds:0}s -H 'Authorization: Bearer <token>' {url}";

    public async Task<WrkResult> RunAsync(LoadTarget target, TimeSpan duration)
    {
        string[] arguments =
        [
            $"-t{threads.ToString(CultureInfo.InvariantCulture)}",
            $"-c{connections.ToString(CultureInfo.InvariantCulture)}",
            $"-d{((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "-H", $"Authorization: {authorization}",
            target.Url.ToString(),
        ];
        var result = await ExternalProcess.RunAsync(binary, arguments, timeout: duration + TimeSpan.FromSeconds(30));
        var commandLine = Describe(duration, target.Url.ToString());
        var output = result.StandardOutput;
        var rate = RateRegex().Match(output);
        var total = TotalRegex().Match(output);
        if (result.ExitCode != 0 || !rate.Success || !total.Success)
        {
            throw new InvalidOperationException($"{commandLine} failed.\n{result}");
        }

        var non2xx = Non2xxRegex().Match(output);
        var sockets = SocketErrorsRegex().Match(output);
        var socketErrors = sockets.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(sockets.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkResult(
            commandLine,
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RateRegex();

    [GeneratedRegex(@"([0-9]+) requests in")]
    private static partial Regex TotalRegex();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex Non2xxRegex();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")]
    private static partial Regex SocketErrorsRegex();
}
