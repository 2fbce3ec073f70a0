using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommerceGateway.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// Requests per second of the checkout query over HTTP: our engine on Kestrel, graphql-js behind
/// graphql-http on Node, and a plain ASP.NET endpoint writing the same response bytes (the ceiling),
/// driven by the same wrk command in alternating rounds so that machine load falls on all three.
/// </summary>
internal static class GraphQLHttpBenchmark
{
    private const string ResponseContentType = "application/graphql-response+json; charset=utf-8";

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var connections = arguments.Int("connections", 50, 1, 1000);
        var seconds = arguments.Int("seconds", 10, 1, 30);
        var rounds = arguments.Int("rounds", 3, 1, 10);
        var warmup = TimeSpan.FromSeconds(arguments.Int("warmup", 5, 1, 30));
        var duration = TimeSpan.FromSeconds(seconds);
        var loadBefore = MachineInfo.LoadAverageNow();
        var wrk = await WrkTool.EnsureInstalledAsync();
        var body = RequestBody();
        var schema = CheckoutSchema.Create();

        // Every server stops by itself after this even if we are killed before disposing it.
        var lifetime = (3 * rounds * (duration + TimeSpan.FromSeconds(5))) + (3 * warmup) + TimeSpan.FromMinutes(2);
        await using var ours = await LoopbackHost.StartAsync(s => s.AddGraphQLServer(schema), app => app.MapGraphQL());
        await using var node = await NodeServer.StartAsync(schema, lifetime);
        var expected = await PostAsync(ours.Url, body);
        var expectedBytes = Encoding.UTF8.GetBytes(expected);
        await using var ceiling = await LoopbackHost.StartAsync(_ => { }, app => app.MapPost("/graphql", (HttpContext context) =>
        {
            context.Response.ContentType = ResponseContentType;
            context.Response.ContentLength = expectedBytes.Length;
            return context.Response.Body.WriteAsync(expectedBytes).AsTask();
        }));

        var servers = new[]
        {
            (Runs: new ServerRuns("ours", "our engine (`MapGraphQL`) on Kestrel"), ours.Url),
            (Runs: new ServerRuns("node", $"graphql-http `createHandler` on node:http ({node.Versions})"), node.Url),
            (Runs: new ServerRuns("ceiling", "plain ASP.NET endpoint writing the same bytes"), ceiling.Url),
        };
        await CheckSameResponsesAsync(servers.Select(s => (s.Runs.Name, s.Url)), body, expected);
        Console.WriteLine(Invariant($"All three return the same {expectedBytes.Length}-byte body. wrk: 1 thread, {connections} connections, {rounds} rounds of {seconds} s each after a {warmup.TotalSeconds:0} s warm-up."));

        if (arguments.Int("serve-only", 0, 0, 600) is var serveOnly and > 0)
        {
            // For profiling (dotnet-counters, dotnet-trace): the three servers stay up, nothing is measured.
            Console.WriteLine($"ours {ours.Url}  node {node.Url}  ceiling {ceiling.Url}; pid {Environment.ProcessId}; serving for {serveOnly} s");
            Console.WriteLine(body);
            await Task.Delay(TimeSpan.FromSeconds(serveOnly));
            return 0;
        }

        var scratch = Directory.CreateTempSubdirectory("gql-bench-wrk-");
        try
        {
            var script = WrkTool.WriteScript(scratch.FullName, body);
            foreach (var (runs, url) in servers)
            {
                // Kestrel's tiered JIT needs a few seconds of traffic to reach its optimized code; the rounds measure steady state.
                await WrkTool.RunAsync(wrk, script, url, connections, warmup, strict: false);
            }

            for (var round = 0; round < rounds; round++)
            {
                // Rotate the order so no server always runs first (or right after the heaviest one).
                for (var i = 0; i < servers.Length; i++)
                {
                    var (runs, url) = servers[(round + i) % servers.Length];

                    // Ours and the ceiling are served by this process (idle while the other runs), Node by its own.
                    Func<TimeSpan> cpu = runs.Name == "node" ? () => node.ProcessorTime : ProcessorTime;
                    var cpuBefore = cpu();
                    var result = await WrkTool.RunAsync(wrk, script, url, connections, duration);
                    runs.Add(result, cpu() - cpuBefore);
                    Console.WriteLine(Invariant($"round {round + 1} {runs.Name,-8} {result.RequestsPerSecond,9:0} req/s  avg {result.LatencyAverageMs:0.00} ms  p99 {result.LatencyP99Ms:0.00} ms  CPU {runs.CpuMicrosecondsPerRequest[^1]:0.0} µs/request"));
                }
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        var report = new GraphQLHttpReport(
            servers.Select(s => s.Runs).ToList(), seconds, rounds, warmup, expectedBytes.Length, loadBefore, MachineInfo.Current(), WrkTool.CommandLine(connections, seconds));
        Console.WriteLine(report.Summary());
        if (arguments.Flag("record"))
        {
            BenchmarksDocument.RecordSubsection(GraphQLHttpReport.Heading, report.Section());
            Console.WriteLine("Recorded in docs/benchmarks.md.");
        }

        return 0;
    }

    /// <summary>The JSON body a client posts: query, operation name and variables.</summary>
    private static string RequestBody() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["query"] = CheckoutQuery.Text,
        ["operationName"] = CheckoutQuery.OperationName,
        ["variables"] = CheckoutQuery.Variables,
    });

    private static async Task CheckSameResponsesAsync(IEnumerable<(string Name, Uri Url)> servers, string body, string expected)
    {
        foreach (var (name, url) in servers)
        {
            var actual = await PostAsync(url, body);
            if (actual != expected)
            {
                throw new InvalidOperationException($"The {name} server answers differently.\nexpected: {expected}\nactual:   {actual}");
            }
        }

        // Errors would be written before data, so this prefix also means the query ran without any.
        if (!expected.StartsWith("{\"data\":{\"cart\":{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The checkout query did not succeed: {expected}");
        }
    }

    private static async Task<string> PostAsync(Uri url, string body)
    {
        using var client = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? text
            : throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {text}");
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
