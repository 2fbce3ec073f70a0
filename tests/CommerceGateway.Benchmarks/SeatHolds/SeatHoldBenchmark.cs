using System.Globalization;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State.Redis;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Benchmarks.SeatHolds;

/// <summary>
/// Seat-hold acquire+release pairs per second through <see cref="ISeatHoldStore"/> on Redis, next to
/// redis-benchmark running the same two Lua scripts (EVALSHA) against the same private server.
/// </summary>
internal static class SeatHoldBenchmark
{
    private const string KeyPrefix = "bench:";
    private const string RawHolder = "raw-holder";
    private const int Pipeline = 16;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var concurrency = arguments.Int("concurrency", 50, 1, 1000);
        var duration = TimeSpan.FromSeconds(arguments.Int("seconds", 10, 1, 60));
        var requests = arguments.Int("requests", 200_000, 1_000, 2_000_000);

        var server = new RedisServer();
        await server.StartAsync();
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = server.ConnectionString })
                .Build();
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddStateStore(configuration, options => options.KeyPrefix = KeyPrefix)
                .BuildServiceProvider();
            var store = services.GetRequiredService<ISeatHoldStore>();

            Console.WriteLine($"redis-server on {server.Endpoint}; {concurrency} concurrent loops; warming up 2 s");
            await StoreLoad.RunAsync(store, concurrency, TimeSpan.FromSeconds(2), "warmup");
            var (pairs, elapsed) = await StoreLoad.RunAsync(store, concurrency, duration, "run");
            var ours = pairs / elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"RedisSeatHoldStore: {pairs} acquire+release pairs in {elapsed.TotalSeconds:0.00} s = {ours:0} pairs/s"));

            var raw = await RunRawAsync(services, server.Port, concurrency, requests);
            var report = new SeatHoldReport(concurrency, duration, pairs, elapsed, ours, raw, MachineInfo.Current(), await RedisVersionAsync());
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
            await server.StopAsync();
        }
    }

    /// <summary>redis-benchmark on the store's own scripts and key layout, plus SET/GET for context.</summary>
    private static async Task<RawNumbers> RunRawAsync(IServiceProvider services, int port, int clients, int requests)
    {
        var keys = services.GetRequiredService<RedisKeys>();
        var multiplexer = await services.GetRequiredService<RedisConnection>().GetAsync();
        var redis = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        var acquireSha = Convert.ToHexStringLower(await redis.ScriptLoadAsync(SeatHoldScripts.Acquire.Text));
        var releaseSha = Convert.ToHexStringLower(await redis.ScriptLoadAsync(SeatHoldScripts.Release.Text));
        var expiresAt = DateTimeOffset.UtcNow.Add(StoreLoad.HoldTtl).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var ttlMs = ((long)StoreLoad.HoldTtl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

        // One holder re-holding random seats: every call takes the full success path, as in our loops.
        var seatKey = keys.SeatKeyPrefix("") + "__rand_int__";
        string[] acquireCommand =
        [
            "EVALSHA", acquireSha, "3", (string)keys.Fence("")!, seatKey, seatKey, RawHolder, ttlMs, expiresAt,
        ];
        string[] releaseCommand =
        [
            "EVALSHA", releaseSha, "2", seatKey, seatKey, RawHolder,
        ];
        var acquire = await RedisBenchmarkTool.RunAsync(port, clients, requests, acquireCommand);
        Console.WriteLine(Invariant($"redis-benchmark acquire script: {acquire.RequestsPerSecond:0} req/s"));
        var release = await RedisBenchmarkTool.RunAsync(port, clients, requests, releaseCommand);
        Console.WriteLine(Invariant($"redis-benchmark release script: {release.RequestsPerSecond:0} req/s"));
        var pipelinedAcquire = await RedisBenchmarkTool.RunAsync(port, clients, requests, acquireCommand, Pipeline);
        var pipelinedRelease = await RedisBenchmarkTool.RunAsync(port, clients, requests, releaseCommand, Pipeline);
        Console.WriteLine(Invariant($"redis-benchmark -P {Pipeline}: acquire {pipelinedAcquire.RequestsPerSecond:0} req/s, release {pipelinedRelease.RequestsPerSecond:0} req/s"));
        var set = await RedisBenchmarkTool.RunAsync(port, clients, requests, ["SET", KeyPrefix + "plain:__rand_int__", "x"]);
        var get = await RedisBenchmarkTool.RunAsync(port, clients, requests, ["GET", KeyPrefix + "plain:__rand_int__"]);
        return new RawNumbers(
            acquire.CommandLine, acquire.RequestsPerSecond, release.CommandLine, release.RequestsPerSecond,
            set.RequestsPerSecond, get.RequestsPerSecond,
            Pipeline, pipelinedAcquire.RequestsPerSecond, pipelinedRelease.RequestsPerSecond);
    }

    private static async Task<string> RedisVersionAsync()
    {
        var result = await ExternalProcess.RunAsync(RedisServer.FindBinary("redis-server") ?? "redis-server", ["--version"], timeout: TimeSpan.FromSeconds(10));
        return result.StandardOutput.Trim();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
