using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CommerceGateway.Benchmarks.GraphQL.Micro;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// Runs <see cref="CheckoutQueryBenchmarks"/> with BenchmarkDotNet in this process (no generated
/// project to build) and a short job, so the whole run stays around a minute.
/// </summary>
internal static class GraphQLMicroBenchmark
{
    public const string Heading = "## GraphQL engine / ### Microbenchmark: parse + validate + execute of the checkout query";

    public static int Run(BenchmarkArguments arguments)
    {
        var iterations = arguments.Int("iterations", 10, 3, 100);
        var loadBefore = MachineInfo.LoadAverageNow();
        var artifacts = Directory.CreateTempSubdirectory("gql-bench-bdn-");
        try
        {
            var job = Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(iterations)
                .WithId("short");
            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
                .AddLogger(ConsoleLogger.Default)
                .WithArtifactsPath(artifacts.FullName);
            var summary = BenchmarkRunner.Run<CheckoutQueryBenchmarks>(config);
            if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
            {
                Console.Error.WriteLine("BenchmarkDotNet reported failures; nothing recorded.");
                return 1;
            }

            var section = Section(summary, iterations, loadBefore);
            Console.WriteLine(section);
            if (arguments.Flag("record"))
            {
                BenchmarksDocument.RecordSubsection(Heading, section);
                Console.WriteLine("Recorded in docs/benchmarks.md.");
            }

            return 0;
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    private static string Section(Summary summary, int iterations, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine("Command (BenchmarkDotNet 0.14.0 in-process, 1 launch, 3 warm-up and " + iterations.ToString(CultureInfo.InvariantCulture) + " measured iterations per case, about a minute):");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine("dotnet run -c Release --project tests/CommerceGateway.Benchmarks -- graphql-micro --record");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Invariant($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on: {MachineInfo.Current()}; load average before the run {loadBefore}. One benchmark thread; the other core ran other engineers' builds."));
        text.AppendLine();
        text.AppendLine("| case | mean | error (99.9 %) | std dev | per second (one core) | allocated |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var report in summary.Reports)
        {
            var statistics = report.ResultStatistics!;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            text.AppendLine(Invariant(
                $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim(Quote)} | **{statistics.Mean / 1000:0.0} µs** | ±{statistics.ConfidenceInterval.Margin / 1000:0.0} µs | {statistics.StandardDeviation / 1000:0.0} µs | {1e9 / statistics.Mean:0} | {allocated / 1024.0:0.0} KiB |"));
        }

        text.AppendLine();
        text.AppendLine("The same schema and query as the HTTP benchmark (`GraphQL/CheckoutSchema.cs`, `GraphQL/CheckoutQuery.cs`),");
        text.AppendLine("run through `GraphQLExecutor.ExecuteAsync` with its variables already parsed. Uncached uses an executor with");
        text.AppendLine("`DocumentCacheSize = 0`, so every call hashes, lexes, parses and validates the document before executing;");
        text.AppendLine("cached uses the default cache, warmed once, so a call is a hash lookup plus variable coercion, limits and");
        text.AppendLine("execution. The difference is what the document cache saves per request.");
        return text.ToString();
    }

    // BenchmarkDotNet quotes a Description in its display name; the table shows it plain.
    private const char Quote = '\'';

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
