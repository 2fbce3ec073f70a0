using System.Globalization;
using System.Text;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>The result of one partner-route benchmark run, as console text and as the docs/benchmarks.md section.</summary>
internal sealed class PartnerReport(
    PartnerBenchmarkSettings settings,
    PathNumbers[] paths,
    double[] fixedRates,
    MachineInfo machine,
    string loadAtStart,
    string toolVersions,
    string wrkCommand)
{
    public const string Heading = "## Partner routes: gateway vs direct vs nginx";
    private const double RatioTarget = 0.5;
    private const double AddedP99TargetMs = 2.0;
    private const double CpuToBareYarpTarget = 1.25;

    private PathNumbers Direct => paths[0];

    private PathNumbers Gateway => paths[1];

    private PathNumbers Nginx => paths[2];

    private PathNumbers Yarp => paths[3];

    private double GatewayRatio => PathNumbers.Median(Gateway.RatiosTo(Direct));

    private double NginxRatio => PathNumbers.Median(Nginx.RatiosTo(Direct));

    private double YarpRatio => PathNumbers.Median(Yarp.RatiosTo(Direct));

    private double GatewayCpuToYarp => PathNumbers.Median(Gateway.CpuRatiosTo(Yarp));

    // The target is defined at the first rate: half the direct maximum.
    private double GatewayAddedP99 => AddedP99(Gateway, 0);

    private double NginxAddedP99 => AddedP99(Nginx, 0);

    private double AddedP99(PathNumbers path, int rate) => path.FixedRates[rate].Latency.PercentileMs(99) - Direct.FixedRates[rate].Latency.PercentileMs(99);

    public string Summary() => Invariant(
        $"""
        median req/s: direct {Direct.MedianRps:0}, gateway {Gateway.MedianRps:0}, nginx {Nginx.MedianRps:0}, bare yarp {Yarp.MedianRps:0}
        ratio gateway/direct {GatewayRatio:P0} (target >= {RatioTarget:P0}: {Verdict(GatewayRatio >= RatioTarget)}); nginx/direct {NginxRatio:P0} (gateway >= nginx: {Verdict(GatewayRatio >= NginxRatio)}); bare yarp/direct {YarpRatio:P0}
        cpu/request (median): gateway {MedianCpu(Gateway):0.0} µs, bare yarp {MedianCpu(Yarp):0.0} µs, nginx {MedianCpu(Nginx):0.0} µs, upstream alone {MedianCpu(Direct):0.0} µs; gateway/bare yarp {GatewayCpuToYarp:0.00}x (target <= {CpuToBareYarpTarget:0.00}x: {Verdict(GatewayCpuToYarp <= CpuToBareYarpTarget)})
        at {fixedRates[0]:0} req/s: added p99 gateway {GatewayAddedP99:0.000} ms (target < {AddedP99TargetMs:0} ms: {Verdict(GatewayAddedP99 < AddedP99TargetMs)}), nginx {NginxAddedP99:0.000} ms
        at {fixedRates[1]:0} req/s: added p99 gateway {AddedP99(Gateway, 1):0.000} ms, nginx {AddedP99(Nginx, 1):0.000} ms
        """);

    /// <summary>Replaces this benchmark's section of <paramref name="path"/> (appending it the first time), leaving every other section alone.</summary>
    public void Record(string path)
    {
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.Trim() == Heading);
        if (start < 0)
        {
            lines.Add("");
            start = lines.Count;
        }
        else
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        }

        lines.InsertRange(start, [.. Section().TrimEnd('\n').Split('\n'), ""]);
        File.WriteAllText(path, string.Join('\n', lines).TrimEnd('\n') + "\n");
    }

    private string Section()
    {
        var text = new StringBuilder();
        text.AppendLine(Heading);
        text.AppendLine();
        text.AppendLine("Command (builds the gateway in Release with the benchmark; starts the upstream, the gateway, nginx and bare YARP");
        text.AppendLine("on free loopback ports and stops them itself; installs Debian's `wrk` and `nginx` when missing;");
        text.AppendLine(Invariant($"about {EstimatedMinutes():0} minutes):"));
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(settings.CommandLine(record: true));
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Invariant($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on: {machine}; load average at the start {loadAtStart}; {toolVersions}; gateway state store: {(settings.Redis ? "a private redis-server" : "in process")}; token signature {settings.Algorithm}."));
        text.AppendLine();
        AppendMaximum(text);
        text.AppendLine();
        AppendCpu(text);
        text.AppendLine();
        AppendFixedRate(text);
        text.AppendLine();
        AppendVerdicts(text);
        text.AppendLine();
        PartnerReportNotes.Append(text);
        return text.ToString();
    }

    private void AppendMaximum(StringBuilder text)
    {
        text.AppendLine(Invariant($"Maximum rate, closed loop: `{wrkCommand}`, {settings.Rounds} rounds of {settings.Duration.TotalSeconds:0} s per path after a 10 s warm-up each, paths alternating (the order rotates each round). Every answer was 200, no socket errors."));
        text.AppendLine();
        AppendRoundsHeader(text, "", ["median", "ratio to direct (median of per-round ratios)"]);
        foreach (var path in paths)
        {
            var cells = string.Join(" | ", path.Maximum.Select(m => Invariant($"{m.RequestsPerSecond:0}")));
            var ratio = path == Direct ? "1" : Invariant($"**{PathNumbers.Median(path.RatiosTo(Direct)):P0}**");
            text.AppendLine(Invariant($"| {Describe(path)} | {cells} | **{path.MedianRps:0} req/s** | {ratio} |"));
        }
    }

    /// <summary>A table's header: the path, one column per round (the first prefixed), then <paramref name="after"/>.</summary>
    private void AppendRoundsHeader(StringBuilder text, string firstRoundPrefix, string[] after)
    {
        var rounds = string.Join(" | ", Enumerable.Range(1, settings.Rounds).Select(r => $"round {r}"));
        text.AppendLine($"| path | {firstRoundPrefix}{rounds} | {string.Join(" | ", after)} |");
        text.AppendLine($"|---|{string.Concat(Enumerable.Repeat("---|", settings.Rounds + after.Length))}");
    }

    private static double MedianCpu(PathNumbers path) => PathNumbers.Median(path.Cpu.Select(c => c.ProxyMicroseconds));

    private void AppendCpu(StringBuilder text)
    {
        text.AppendLine("CPU per request in the same closed-loop rounds: each server's user+system time (the process and its children, from /proc) over the round divided by the requests wrk counted. It moves far less with the machine's load than req/s. For the direct path the proxy column is the upstream itself.");
        text.AppendLine();
        AppendRoundsHeader(text, "proxy µs/request ", ["proxy median", "upstream median", "proxy CPU to bare YARP's (median of per-round ratios)"]);
        foreach (var path in paths)
        {
            var cells = string.Join(" | ", path.Cpu.Select(c => Invariant($"{c.ProxyMicroseconds:0.0}")));
            var upstream = PathNumbers.Median(path.Cpu.Select(c => c.UpstreamMicroseconds));
            var ratio = path == Direct ? "" : path == Yarp ? "1" : Invariant($"**{PathNumbers.Median(path.CpuRatiosTo(Yarp)):0.00}x**");
            text.AppendLine(Invariant($"| {path.Target.Name} | {cells} | **{MedianCpu(path):0.0} µs** | {upstream:0.0} µs | {ratio} |"));
        }
    }

    private void AppendFixedRate(StringBuilder text)
    {
        text.AppendLine(Invariant($"Latency at fixed rates, open loop, {settings.Connections} keep-alive connections, {settings.Rounds} rounds of {settings.RateDuration.TotalSeconds:0} s per path and rate (paths alternating), samples pooled over the rounds, latency from each request's intended send time; requests still unanswered 5 s after a run's end count as failed, at that wait:"));
        for (var rate = 0; rate < fixedRates.Length; rate++)
        {
            var why = rate == 0 ? "half the direct median maximum: the target's rate" : "half the gateway's median maximum: a load the gateway can carry";
            text.AppendLine();
            text.AppendLine(Invariant($"At **{fixedRates[rate]:0} req/s** ({why}):"));
            text.AppendLine();
            text.AppendLine("| path | requests (failed) | achieved req/s per round | p50 | p90 | p99 | p99.9 | added p99 vs direct | send delay p99 |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var path in paths)
            {
                var numbers = path.FixedRates[rate];
                var added = path == Direct ? "" : Invariant($"**{AddedP99(path, rate):0.000} ms**");
                var achieved = string.Join(" / ", numbers.AchievedRates.Select(r => Invariant($"{r:0}")));
                text.AppendLine(Invariant(
                    $"| {path.Target.Name} | {numbers.Sent} ({numbers.Failed}) | {achieved} | {Ms(numbers.Latency, 50)} | {Ms(numbers.Latency, 90)} | {Ms(numbers.Latency, 99)} | {Ms(numbers.Latency, 99.9)} | {added} | {Ms(numbers.SendDelay, 99)} |"));
            }
        }
    }

    private static string Ms(LatencySamples samples, double percentile) => Invariant($"{samples.PercentileMs(percentile):0.000} ms");

    private void AppendVerdicts(StringBuilder text)
    {
        text.AppendLine("| target | measured | verdict |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(Invariant($"| gateway RPS at least {RatioTarget:P0} of direct | {GatewayRatio:P0} | **{Verdict(GatewayRatio >= RatioTarget)}** |"));
        text.AppendLine(Invariant($"| gateway ratio no lower than nginx's in the same run | gateway {GatewayRatio:P0}, nginx {NginxRatio:P0} | **{Verdict(GatewayRatio >= NginxRatio)}** |"));
        text.AppendLine(Invariant($"| p99 added latency under {AddedP99TargetMs:0} ms at half the direct maximum ({fixedRates[0]:0} req/s) | {GatewayAddedP99:0.000} ms (nginx {NginxAddedP99:0.000} ms) | **{Verdict(GatewayAddedP99 < AddedP99TargetMs)}** |"));
        text.AppendLine(Invariant($"| gateway CPU per request within {CpuToBareYarpTarget:0.00}x of bare YARP {YarpVersion}'s (issue 16) | {GatewayCpuToYarp:0.00}x ({MedianCpu(Gateway):0.0} µs vs {MedianCpu(Yarp):0.0} µs) | **{Verdict(GatewayCpuToYarp <= CpuToBareYarpTarget)}** |"));
        text.AppendLine(Invariant($"| context: bare YARP {YarpVersion} (no gateway pipeline) to direct | {YarpRatio:P0} | (no target) |"));
        text.AppendLine(Invariant($"| context: p99 added latency at half the gateway's maximum ({fixedRates[1]:0} req/s) | {AddedP99(Gateway, 1):0.000} ms (nginx {AddedP99(Nginx, 1):0.000} ms) | (no target) |"));
    }

    private static string Describe(PathNumbers path) => path.Target.Name switch
    {
        "direct" => "direct: the upstream itself",
        "gateway" => "gateway: partner route (JWT, scope check, rate limiter, transforms, credential injection)",
        "nginx" => "nginx: `proxy_pass` with upstream keep-alive",
        _ => $"bare YARP {YarpVersion}: the same proxy with no gateway pipeline, credential swap only",
    };

    private double EstimatedMinutes() =>
        ((paths.Length * 10) + (settings.Rounds * paths.Length * (settings.Duration.TotalSeconds + (2 * (settings.RateDuration.TotalSeconds + 5)))) + 60) / 60;

    private static string YarpVersion => typeof(Yarp.ReverseProxy.Forwarder.IHttpForwarder).Assembly.GetName().Version?.ToString(3) ?? "";

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
