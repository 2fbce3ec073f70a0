using System.Diagnostics;
using CommerceGateway.Soak.Report;
using Xunit.Abstractions;

namespace CommerceGateway.Soak.Tests;

/// <summary>
/// The soak of the benchmark command, short: a Redis Cluster, the sandbox process, three gateway
/// processes behind nginx, a few dozen buyers for half a minute while one gateway is SIGKILLed
/// (and restarted) and one Redis master fails over. Every invariant must hold.
/// </summary>
public sealed class ShortSoakTests(ITestOutputHelper output)
{
    private static readonly SoakSettings Short = new(Buyers: 24, Duration: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Soak_ThreeReplicasWithAGatewayKilledAndARedisMasterFailedOver_KeepsEveryPromise()
    {
        var watch = Stopwatch.StartNew();
        using var log = new StringWriter();
        SoakOutcome outcome;
        try
        {
            outcome = await SoakRun.RunAsync(Short, log);
            SoakConsole.Write(outcome, log);
        }
        finally
        {
            output.WriteLine(log.ToString());
            output.WriteLine($"wall clock {watch.Elapsed.TotalSeconds:0.0} s");
        }

        Assert.All(outcome.Invariants, i => Assert.True(i.Passed, $"{i.Name}: {i.Detail}\n{log}"));
        Assert.Equal(0, outcome.Failed);
        // Both faults really happened, and payments succeeded again after each.
        Assert.Contains(outcome.Faults, f => f.Name.Contains("SIGKILL", StringComparison.Ordinal));
        Assert.Contains(outcome.Faults, f => f.Name.Contains("restarted", StringComparison.Ordinal));
        Assert.Contains(outcome.Faults, f => f.Name.Contains("CLUSTER FAILOVER", StringComparison.Ordinal));
        Assert.All(outcome.Faults, f => Assert.True(f.RecoveredAfter is not null, $"no successful payment after: {f.Name}\n{log}"));
    }
}
