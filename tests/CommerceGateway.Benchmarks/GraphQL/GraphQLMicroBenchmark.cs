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
/// project to build) and a short job, so the whole run stays around two minutes: our engine and
/// GraphQL.NET on the same schema, query and data, in one run.
/// </summary>
internal static class GraphQLMicroBenchmark
{
    private const int DefaultIterations = 10;

    public const string Heading = "## GraphQL engine / ### Microbenchmark: parse + validate + execute of the checkout query";

    // The pairs compared: GraphQL.NET's case and ours doing the same work.
    private static readonly (string Work, string Theirs, string Ours)[] Pairs =
    [
        ("from the query text: parse + validate + execute + response JSON", nameof(CheckoutQueryBenchmarks.GraphQLNetAndWritten), nameof(CheckoutQueryBenchmarks.UncachedAndWritten)),
        ("cached (ours) / prepared document (GraphQL.NET) + execute + response JSON", nameof(CheckoutQueryBenchmarks.GraphQLNetPreparedAndWritten), nameof(CheckoutQueryBenchmarks.CachedAndWritten)),
    ];

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var iterations = arguments.Int("iterations", DefaultIterations, 3, 100);
        var loadBefore = MachineInfo.LoadAverageNow();

        // The same checks the benchmark's setup makes, run here first so a difference fails in seconds.
        var check = new CheckoutQueryBenchmarks();
        await check.SetupAsync();
        var responseBytes = check.CheckedResponse.Length;
        Console.WriteLine(Invariant($"Same schema; all four JSON-writing cases write the same {responseBytes}-byte response."));
        if (arguments.Flag("check-only"))
        {
            Console.WriteLine(Encoding.UTF8.GetString(check.CheckedResponse));
            return 0;
        }

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

            var section = Section(summary, iterations, loadBefore, responseBytes);
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

    private static string Section(Summary summary, int iterations, string loadBefore, int responseBytes)
    {
        var machine = MachineInfo.Current();
        var text = new StringBuilder();
        text.AppendLine("Command (BenchmarkDotNet 0.14.0 in-process, 1 launch, 3 warm-up and " + iterations.ToString(CultureInfo.InvariantCulture) + " measured iterations per case, about two minutes):");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine("dotnet run -c Release --project tests/CommerceGateway.Benchmarks -- graphql-micro "
            + (iterations == DefaultIterations ? "" : Invariant($"--iterations {iterations} ")) + "--record");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Invariant($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on: {machine}; load average before the run {loadBefore}. One benchmark thread; the other core ran other engineers' builds."));
        if (Loaded(loadBefore, machine.ProcessorCount) || Loaded(machine.LoadAverage, machine.ProcessorCount))
        {
            text.AppendLine();
            text.AppendLine(Invariant($"**Preliminary:** the machine is shared, and its 1-minute load average was above its {machine.ProcessorCount} cores before or at the end of this run, so some cases may have waited for a core. The cases ran one after another, not interleaved, so the ratios can be off by the change in load between them; the lead repeats the run on a quiet machine."));
        }

        text.AppendLine();
        text.AppendLine("| case | mean | error (99.9 %) | std dev | per second (one core) | allocated |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var report in summary.Reports)
        {
            var statistics = report.ResultStatistics!;
            text.AppendLine(Invariant(
                $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim(Quote)} | **{statistics.Mean / 1000:0.0} µs** | ±{statistics.ConfidenceInterval.Margin / 1000:0.0} µs | {statistics.StandardDeviation / 1000:0.0} µs | {1e9 / statistics.Mean:0} | {Allocated(report) / 1024.0:0.0} KiB |"));
        }

        text.AppendLine();
        text.AppendLine("| same work, same response bytes | GraphQL.NET 8.8.5 / ours, time | GraphQL.NET 8.8.5 / ours, allocated |");
        text.AppendLine("|---|---|---|");
        foreach (var (work, theirs, ours) in Pairs)
        {
            var (t, o) = (Report(summary, theirs), Report(summary, ours));
            text.AppendLine(Invariant(
                $"| {work} | **{t.ResultStatistics!.Mean / o.ResultStatistics!.Mean:0.00}x** | {(double)Allocated(t) / Allocated(o):0.00}x |"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Read: above 1.00x GraphQL.NET took longer (or allocated more) than ours for the same response. In this run it took {Ratio(summary, Pairs[0]):0.00}x our time from the text and {Ratio(summary, Pairs[1]):0.00}x cached, and allocated {AllocationWord(summary)} per request."));

        text.AppendLine();
        text.AppendLine("The same schema and query as the HTTP benchmark (`GraphQL/CheckoutSchema.cs`, `GraphQL/CheckoutQuery.cs`),");
        text.AppendLine("run through `GraphQLExecutor.ExecuteAsync` with its variables already parsed. Uncached uses an executor with");
        text.AppendLine("`DocumentCacheSize = 0`, so every call lexes, parses and validates the document before executing;");
        text.AppendLine("cached uses the default cache, warmed once, so a call finds the document (the same request, so by reference");
        text.AppendLine("to the last one), coerces the variables and executes with the document's execution plan (the limit verdict");
        text.AppendLine("was kept on the first call). The difference is what the document cache saves per request.");
        text.AppendLine();
        text.AppendLine("GraphQL.NET 8.8.5 (`GraphQL`, `GraphQL.SystemTextJson`) runs the same query on the same records in the same");
        text.AppendLine("process: `GraphQL/Micro/GraphQLNetCheckoutSchema.cs` builds the schema code-first, a typed lambda per field,");
        text.AppendLine("and `GraphQL/Micro/GraphQLNetEngine.cs` runs `DocumentExecuter.ExecuteAsync` with the variables already");
        text.AppendLine("as `Inputs`, a new `ExecutionOptions` per call, and writes the result with GraphQL.SystemTextJson's converters");
        text.AppendLine("to a `Utf8JsonWriter` over the same buffer ours writes to. \"From the text\" parses and validates with the");
        text.AppendLine("standard rules every call. \"Prepared document\" is GraphQL.NET's document cache hit without the lookup: the");
        text.AppendLine("document parsed and validated once, handed to the executer with `CachedDocumentValidationRules` (empty) as");
        text.AppendLine("the rules, as `MemoryDocumentCache` does on a hit (that package, GraphQL.MemoryCache, is not in this registry);");
        text.AppendLine("ours, cached, still looks the document up. Before anything is timed the setup checks that");
        text.AppendLine(Invariant($"GraphQL.NET prints the same schema for its code-first schema as for one it builds from our SDL, and that all"));
        text.AppendLine(Invariant($"four JSON-writing cases write byte-identical responses ({responseBytes} bytes); `graphql-micro --check-only`"));
        text.AppendLine("runs just those checks. GraphQL.NET runs with its defaults (parallel execution strategy for queries, no");
        text.AppendLine("metrics); both engines resolve every field synchronously from the records.");
        return text.ToString();
    }

    private static double Ratio(Summary summary, (string Work, string Theirs, string Ours) pair) =>
        Report(summary, pair.Theirs).ResultStatistics!.Mean / Report(summary, pair.Ours).ResultStatistics!.Mean;

    private static string AllocationWord(Summary summary)
    {
        var ratios = Pairs.Select(p => (double)Allocated(Report(summary, p.Theirs)) / Allocated(Report(summary, p.Ours))).ToList();
        return ratios.All(r => r < 1) ? "less than ours in both cases" : ratios.All(r => r > 1) ? "more than ours in both cases" : "less than ours in one case and more in the other";
    }

    private static BenchmarkReport Report(Summary summary, string method) =>
        summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);

    private static long Allocated(BenchmarkReport report) => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;

    private static bool Loaded(string loadAverage, int cores) =>
        double.TryParse(loadAverage.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var oneMinute) && oneMinute > cores;

    // BenchmarkDotNet quotes a Description in its display name; the table shows it plain.
    private const char Quote = '\'';

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
