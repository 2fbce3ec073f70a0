using CommerceGateway.Soak;
using CommerceGateway.Soak.Report;

namespace CommerceGateway.Benchmarks.Soak;

/// <summary>
/// <c>soak [--buyers 200] [--seconds 120] [--record]</c>: the soak of issue 14 at full size. Prints
/// each invariant and "N passed, M failed"; exits 1 when one failed; --record writes the figures
/// to docs/benchmarks.md.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments options)
    {
        var settings = SoakSettings.Full with
        {
            Buyers = options.Int("buyers", SoakSettings.Full.Buyers, 1, 2000),
            Duration = TimeSpan.FromSeconds(options.Int("seconds", (int)SoakSettings.Full.Duration.TotalSeconds, 10, 3600)),
        };
        var loadBefore = MachineInfo.LoadAverageNow();
        var outcome = await SoakRun.RunAsync(settings, Console.Out);
        SoakConsole.Write(outcome, Console.Out);
        if (options.Flag("record"))
        {
            SoakSection.Record(BenchmarksDocument.Path, outcome, MachineInfo.Current(), loadBefore);
            Console.WriteLine($"recorded in {BenchmarksDocument.Path}");
        }

        return outcome.Failed == 0 ? 0 : 1;
    }
}
