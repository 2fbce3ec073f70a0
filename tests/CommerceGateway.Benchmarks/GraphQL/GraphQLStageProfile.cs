using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Http;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Protection;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// Where a cached checkout request spends its time inside the engine: each stage the HTTP endpoint
/// runs, timed alone in a loop on one thread (Stopwatch) with the bytes it allocates
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), then the whole path. A profile to find
/// levers, not a benchmark with a reference: numbers move with the machine's load.
/// </summary>
internal static class GraphQLStageProfile
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var iterations = arguments.Int("iterations", 20000, 100, 1_000_000);
        var schema = CheckoutSchema.Create();
        var executor = new GraphQLExecutor(schema);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["query"] = CheckoutQuery.Text,
            ["operationName"] = CheckoutQuery.OperationName,
            ["variables"] = CheckoutQuery.Variables,
        }));
        var request = ParseRequest(body);
        var document = Parser.Parse(CheckoutQuery.Text);
        var operation = document.Definitions.OfType<OperationDefinitionNode>().Single();
        var variables = VariableValues.Coerce(schema, operation, request.Variables, []);
        var buffer = new ArrayBufferWriter<byte>(8192);
        var warm = await executor.ExecuteAsync(request);
        if (warm.Errors.Count > 0)
        {
            throw new InvalidOperationException("The checkout query failed: " + warm.ToJson());
        }

        // Every stage below runs at its final JIT tier: three seconds of whole requests first.
        var warmUntil = Stopwatch.GetTimestamp() + (3 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmUntil)
        {
            var result = await executor.ExecuteAsync(ReadRequest(body));
            buffer.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(buffer, ExecutionResult.WriterOptions);
            result.WriteTo(writer);
            ParseRequest(body);
            DocumentHash.Of(CheckoutQuery.Text);
            VariableValues.Coerce(schema, operation, request.Variables, []);
            OperationAnalyzer.Check(schema, executor.Options.Limits, document, operation, variables);
        }

        Console.WriteLine(Invariant($"{Environment.ProcessorCount} CPUs, load average {MachineInfo.LoadAverageNow()}; {iterations} iterations per stage, one thread."));
        Console.WriteLine("| stage | CPU µs per request (process) | elapsed µs | bytes allocated per request |");
        Console.WriteLine("|---|---|---|---|");
        var total = 0.0;
        total += await Stage("request JSON to GraphQLRequest (Utf8JsonReader straight from the body, as the endpoint does)", iterations, () => { ReadRequest(body); return default; });
        await Stage("  before: JsonDocument + plain variables (now only batches and malformed bodies)", iterations, () => { ParseRequest(body); return default; });
        await Stage("  before: document hash, SHA-256 of the text (now only for persisted queries)", iterations, () => { DocumentHash.Of(CheckoutQuery.Text); return default; });
        await Stage("  of which: variable coercion", iterations, () => { VariableValues.Coerce(schema, operation, request.Variables, []); return default; });
        await Stage("  of which: limits (OperationAnalyzer; now once per document unless a list size is a variable)", iterations, () => { OperationAnalyzer.Check(schema, executor.Options.Limits, document, operation, variables); return default; });
        total += await Stage("ExecuteAsync, cached (lookup, coercion, limits, plan, execution, metrics)", iterations, async () => await executor.ExecuteAsync(request));
        total += await Stage("response JSON written (Utf8JsonWriter over a reused buffer)", iterations, () =>
        {
            buffer.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(buffer, ExecutionResult.WriterOptions);
            warm.WriteTo(writer);
            return default;
        });
        Console.WriteLine(Invariant($"| sum of the stages the endpoint runs | {total:0.00} | | |"));
        await Stage("whole path: body bytes to response bytes", iterations, async () =>
        {
            var result = await executor.ExecuteAsync(ReadRequest(body));
            buffer.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(buffer, ExecutionResult.WriterOptions);
            result.WriteTo(writer);
        });
        return 0;
    }

    private static GraphQLRequest ReadRequest(byte[] body) =>
        HttpRequestParser.TryReadObject(body, out var request) ? request! : throw new InvalidOperationException("The direct reader refused the body.");

    private static GraphQLRequest ParseRequest(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return HttpRequestParser.FromJson(json.RootElement, queriesOnly: false, out _)!;
    }

    private static async Task<double> Stage(string name, int iterations, Func<ValueTask> work)
    {
        for (var i = 0; i < Math.Min(iterations, 5000); i++)
        {
            await work();
        }

        // CPU time of the whole process (the loop, the GC it causes, the JIT) moves far less with the
        // machine's load than elapsed time, which includes waiting for a core.
        var best = double.MaxValue;
        var bestWall = double.MaxValue;
        long bytes = 0;
        using var process = Process.GetCurrentProcess();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                await work();
            }

            var wall = Stopwatch.GetElapsedTime(started).TotalMicroseconds / iterations;
            process.Refresh();
            var micros = (process.TotalProcessorTime - cpu).TotalMicroseconds / iterations;
            bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations;
            best = Math.Min(best, micros);
            bestWall = Math.Min(bestWall, wall);
        }

        Console.WriteLine(Invariant($"| {name} | {best:0.00} | {bestWall:0.00} | {bytes} |"));
        return best;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
