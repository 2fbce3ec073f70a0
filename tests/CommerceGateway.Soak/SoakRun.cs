using System.Globalization;
using CommerceGateway.Soak.Buyers;
using CommerceGateway.Soak.Invariants;
using CommerceGateway.Soak.Deployment;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak;

/// <summary>
/// A whole soak: the stack up, buyers for the set duration while a replica is SIGKILLed (and
/// restarted) and a Redis master fails over, then the invariants checked against the sandbox's
/// ledger and Redis. Bounded: it stops by itself.
/// </summary>
public static class SoakRun
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LongestRestartDelay = TimeSpan.FromSeconds(10);

    public static async Task<SoakOutcome> RunAsync(SoakSettings settings, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        await using var stack = await SoakDeployment.StartAsync(log);
        var journal = new SoakJournal();
        using var client = new SoakClient(stack.PublicUrl, journal);
        await client.AuthenticateAsync(stack.Client.Id, stack.Client.Secret, GatewayProcess.Audience, GatewayProcess.Scopes, cancellationToken);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = journal.Now;
        stop.CancelAfter(settings.Duration);
        abort.CancelAfter(settings.Duration + Drain);
        log.WriteLine($"{settings.Buyers} buyers for {settings.Duration.TotalSeconds:0} s");
        var buyers = Enumerable.Range(0, settings.Buyers)
            .Select(i => new Buyer(i, client, journal, new Random(i * 7919 + 17)).RunAsync(stop.Token, abort.Token)).ToList();
        var faults = await InjectFaultsAsync(settings, stack, journal, log, stop.Token);
        await Task.WhenAll(buyers);
        var elapsed = journal.Now - start;
        log.WriteLine($"load done in {elapsed.TotalSeconds:0.0} s; {journal.Orders.Count} checkouts confirmed");

        var ledger = await BackendLedger.ReadAsync(stack.SandboxUrl, cancellationToken);
        var evidence = new SoakEvidence(journal.Orders, journal.OrdersByKey, journal.UntypedCount, journal.UntypedExamples, ledger, await SeatHoldsAsync(stack.Redis), journal.RefusedPayments);
        var results = InvariantChecker.Check(evidence);
        var recovered = faults.Select(f => f with { RecoveredAfter = RecoveryAfter(journal, f.At) }).ToList();
        return new SoakOutcome(
            settings,
            results,
            elapsed,
            InvariantChecker.ProtocolOfChannel.Keys.ToDictionary(c => c, c => journal.Orders.Count(o => o.Channel == c), StringComparer.Ordinal),
            journal.Latencies.ToDictionary(p => p.Key, p => Percentiles(p.Value), StringComparer.Ordinal),
            journal.ErrorsByCode,
            recovered);
    }

    private static async Task<List<FaultEvent>> InjectFaultsAsync(SoakSettings settings, SoakDeployment stack, SoakJournal journal, TextWriter log, CancellationToken stop)
    {
        var faults = new List<FaultEvent>();
        try
        {
            if (settings.KillGateway)
            {
                await Task.Delay(settings.Duration / 3, stop);
                await stack.KillReplicaAsync(1);
                faults.Add(new FaultEvent("gateway-1 killed (SIGKILL)", journal.Now, null));
                log.WriteLine($"{journal.Now.TotalSeconds,6:0.0} s  gateway-1 SIGKILLed");
                // A short run restarts sooner, so the failover at two thirds still meets a full stack.
                await Task.Delay(settings.Duration / 6 < LongestRestartDelay ? settings.Duration / 6 : LongestRestartDelay, stop);
                await stack.RestartReplicaAsync(1);
                faults.Add(new FaultEvent("gateway-1 restarted", journal.Now, null));
                log.WriteLine($"{journal.Now.TotalSeconds,6:0.0} s  gateway-1 restarted");
            }

            if (settings.FailOverRedis)
            {
                var at = settings.Duration * 2 / 3;
                if (journal.Now < at)
                {
                    await Task.Delay(at - journal.Now, stop);
                }

                var started = journal.Now;
                var promoted = await stack.FailOverBusiestMasterAsync();
                faults.Add(new FaultEvent($"redis master failed over (CLUSTER FAILOVER, :{promoted.ToString(CultureInfo.InvariantCulture)} promoted)", started, null));
                log.WriteLine($"{started.TotalSeconds,6:0.0} s  redis master failed over to :{promoted} (healthy after {(journal.Now - started).TotalSeconds:0.0} s)");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.WriteLine("the run ended before every fault was injected");
        }

        stack.EnsureRunning();
        return faults;
    }

    /// <summary>From <paramref name="at"/> to the end of the first successful payment that started after it.</summary>
    private static TimeSpan? RecoveryAfter(SoakJournal journal, TimeSpan at)
    {
        var after = journal.Payments.Where(p => p.Started >= at).Select(p => p.Ended).DefaultIfEmpty(TimeSpan.MinValue).Min();
        return after == TimeSpan.MinValue ? null : after - at;
    }

    private static (double P50, double P99, int Count) Percentiles(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (At(0.50), At(0.99), sorted.Length);
    }

    /// <summary>Every gateway seat-hold key on every running master, with its PTTL.</summary>
    private static async Task<List<SeatHoldKey>> SeatHoldsAsync(RedisCluster redis)
    {
        var cli = RedisServer.FindBinary("redis-cli") ?? throw new InvalidOperationException("redis-cli is not installed.");
        var holds = new List<SeatHoldKey>();
        foreach (var node in redis.Nodes.Where(n => n.IsRunning))
        {
            if (!(await node.CommandAsync("INFO", "replication")).Contains("role:master", StringComparison.Ordinal))
            {
                continue;
            }

            var scan = await ExternalProcess.RunAsync(cli, ["-p", node.Port.ToString(CultureInfo.InvariantCulture), "--scan", "--pattern", "soak:seat:*"]);
            foreach (var key in scan.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var ttl = long.Parse((await node.CommandAsync("PTTL", key)).TrimStart(':'), CultureInfo.InvariantCulture);
                // -2: expired between the scan and the PTTL, which is what a TTL is for.
                if (ttl != -2)
                {
                    holds.Add(new SeatHoldKey(key, ttl));
                }
            }
        }

        return holds;
    }
}
