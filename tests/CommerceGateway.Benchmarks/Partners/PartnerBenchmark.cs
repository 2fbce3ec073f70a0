using System.Globalization;
using System.Security.Cryptography;
using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// A partner route through the real gateway next to the same upstream called directly and through
/// Debian's nginx, all on loopback in one run: wrk's maximum rate per path in alternating rounds,
/// then latency at a fixed rate of half the direct maximum.
/// </summary>
internal static class PartnerBenchmark
{
    // Long enough for tiered compilation to settle in the gateway: with 3 s its first round ran visibly slower.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        if (arguments.Flag("serve-upstream"))
        {
            return await BenchUpstream.ServeAsync(arguments.Int("port", 0, 1, 65535));
        }

        if (arguments.Flag("serve-bare-yarp"))
        {
            return await BareYarpProxy.ServeAsync(arguments.Int("port", 0, 1, 65535), arguments.Int("upstream-port", 0, 1, 65535));
        }

        var settings = PartnerBenchmarkSettings.From(arguments);
        var wrkBinary = await DebianTool.RequireAsync("wrk", "wrk");
        var nginxBinary = await DebianTool.RequireAsync("nginx", "nginx");
        var loadAtStart = MachineInfo.Current().LoadAverage;
        var folder = Directory.CreateTempSubdirectory("partner-bench-").FullName;
        RedisServer? redis = null;
        try
        {
            if (settings.Redis)
            {
                redis = new RedisServer();
                await redis.StartAsync();
            }

            var (upstreamPort, gatewayPort, nginxPort, yarpPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            await using var upstream = await BenchUpstream.StartAsync(upstreamPort);
            await using var gateway = await GatewayUnderTest.StartAsync(folder, gatewayPort, upstreamPort, secret, redis?.ConnectionString, settings.Algorithm);
            await using var nginx = await NginxProxy.StartAsync(nginxBinary, folder, nginxPort, upstreamPort, GatewayUnderTest.UpstreamCredential);
            await using var yarp = await BareYarpProxy.StartAsync(yarpPort, upstreamPort);
            var token = await GatewayUnderTest.GetTokenAsync(gatewayPort, secret);
            var authorization = "Bearer " + token;
            PathNumbers[] paths =
            [
                new(new LoadTarget("direct", Url(upstreamPort))),
                new(new LoadTarget("gateway", Url(gatewayPort))),
                new(new LoadTarget("nginx", Url(nginxPort))),
                new(new LoadTarget("yarp", Url(yarpPort))),
            ];
            await CheckAnswersAsync(paths, authorization);
            ChildServer[] servers = [upstream, gateway, nginx, yarp];
            // For profiling by hand (wrk, perf): the three servers stay up, nothing is measured.
            var hold = arguments.Int("hold", 0, 0, 3600);
            if (hold > 0)
            {
                Console.WriteLine($"holding {hold} s: direct :{upstreamPort}, gateway :{gatewayPort} (pid {gateway.ProcessId}), nginx :{nginxPort}, bare yarp :{yarpPort}\n{authorization}");
                await Task.Delay(TimeSpan.FromSeconds(hold));
                return 0;
            }


            var wrk = new WrkTool(wrkBinary, settings.Threads, settings.Connections, authorization);
            Console.WriteLine($"upstream :{upstreamPort}, gateway :{gatewayPort} (pid {gateway.ProcessId}), nginx :{nginxPort}, bare yarp :{yarpPort}; load average {loadAtStart}");
            foreach (var path in paths)
            {
                await wrk.RunAsync(path.Target, WarmUp);
            }

            await MeasureMaximumAsync(paths, wrk, settings, servers);
            // The target's rate (half the direct maximum), then half the gateway's own maximum: a load the
            // gateway can carry, where the added latency is the hop's and not a queue's.
            double[] rates = [Math.Floor(paths[0].MedianRps / 2), Math.Floor(paths[1].MedianRps / 2)];
            foreach (var rate in rates)
            {
                await MeasureFixedRateAsync(paths, rate, authorization, settings, servers);
            }

            var report = new PartnerReport(settings, paths, rates, MachineInfo.Current(), loadAtStart, await ToolVersionsAsync(wrkBinary, nginxBinary), wrk.Describe(settings.Duration, "<url>"));
            Console.WriteLine(report.Summary());
            if (arguments.Flag("record"))
            {
                report.Record(RepositoryLayout.PathOf("docs", "benchmarks.md"));
                Console.WriteLine("Recorded in docs/benchmarks.md.");
            }

            return 0;
        }
        finally
        {
            if (redis is not null)
            {
                await redis.StopAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Uri Url(int port) =>
        new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{GatewayUnderTest.RoutePrefix}items/42");

    /// <summary>Every path must give the upstream's own answer before any number means anything.</summary>
    private static async Task CheckAnswersAsync(PathNumbers[] paths, string authorization)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in paths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path.Target.Url);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != 200 || body != BenchUpstream.Body)
            {
                throw new InvalidOperationException($"{path.Target.Name} answered {(int)response.StatusCode}: {body}");
            }
        }
    }

    /// <summary>Closed-loop maximum per path; the order rotates each round so no path always runs first.</summary>
    private static async Task MeasureMaximumAsync(PathNumbers[] paths, WrkTool wrk, PartnerBenchmarkSettings settings, ChildServer[] servers)
    {
        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var path in Rotate(paths, round))
            {
                var proxy = servers[Array.IndexOf(paths, path)];
                var upstream = servers[0];
                var (proxyBefore, upstreamBefore) = (ProcessTreeCpu.Read(proxy.ProcessId), ProcessTreeCpu.Read(upstream.ProcessId));
                var result = await wrk.RunAsync(path.Target, settings.Duration);
                var (proxyAfter, upstreamAfter) = (ProcessTreeCpu.Read(proxy.ProcessId), ProcessTreeCpu.Read(upstream.ProcessId));
                if (result.Non2xx > 0 || result.SocketErrors > 0)
                {
                    throw new InvalidOperationException($"{path.Target.Name}: {result.Non2xx} non-2xx answers and {result.SocketErrors} socket errors in {result.CommandLine}.");
                }

                path.Maximum.Add(result);
                var cpu = new CpuPerRequest(
                    (proxyAfter - proxyBefore).TotalMicroseconds / result.Requests,
                    (upstreamAfter - upstreamBefore).TotalMicroseconds / result.Requests);
                path.Cpu.Add(cpu);
                Console.WriteLine(Invariant($"round {round + 1} {path.Target.Name,-8} {result.RequestsPerSecond,9:0} req/s   cpu/request {cpu.ProxyMicroseconds,6:0.0} µs (upstream {cpu.UpstreamMicroseconds:0.0} µs)   load {MachineInfo.Current().LoadAverage}"));
            }

            EnsureRunning(servers);
        }
    }

    private static async Task MeasureFixedRateAsync(PathNumbers[] paths, double rate, string authorization, PartnerBenchmarkSettings settings, ChildServer[] servers)
    {
        Console.WriteLine(Invariant($"fixed rate {rate:0} req/s, {settings.Connections} connections"));
        foreach (var path in paths)
        {
            path.FixedRates.Add(new FixedRateNumbers());
        }

        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var path in Rotate(paths, round))
            {
                var request = RawHttpConnection.Request(path.Target, authorization);
                var result = await OpenLoopLoad.RunAsync(path.Target, request, rate, settings.RateDuration, settings.Connections);
                path.FixedRates[^1].Add(result);
                var samples = new LatencySamples();
                samples.AddRange(result.LatencyTicks);
                Console.WriteLine(Invariant($"round {round + 1} {path.Target.Name,-8} {result.AchievedRate,9:0} req/s   p50 {samples.PercentileMs(50):0.000} ms   p99 {samples.PercentileMs(99):0.000} ms   failed {result.Failed}"));
            }

            EnsureRunning(servers);
        }
    }

    private static IEnumerable<PathNumbers> Rotate(PathNumbers[] paths, int round) =>
        paths.Skip(round % paths.Length).Concat(paths.Take(round % paths.Length));

    private static void EnsureRunning(ChildServer[] servers)
    {
        foreach (var server in servers)
        {
            server.EnsureRunning();
        }
    }

    private static async Task<string> ToolVersionsAsync(string wrkBinary, string nginxBinary)
    {
        var nginx = await ExternalProcess.RunAsync(nginxBinary, ["-v"], timeout: TimeSpan.FromSeconds(10));
        var wrk = await ExternalProcess.RunAsync(wrkBinary, ["--version"], timeout: TimeSpan.FromSeconds(10));
        var wrkVersion = (wrk.StandardOutput + wrk.StandardError).Split('\n')[0].Trim();
        return $"{nginx.StandardError.Trim()}; {wrkVersion}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
