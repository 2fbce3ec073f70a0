using CommerceGateway.Benchmarks;
using CommerceGateway.Benchmarks.GraphQL;
using CommerceGateway.Benchmarks.SeatHolds;

// Each benchmark is a sub-command that measures our component next to a reference in the same run.
var command = args.Length > 0 ? args[0] : "";
var options = BenchmarkArguments.Parse(args.Skip(1));
return command switch
{
    "seat-holds" => await SeatHoldBenchmark.RunAsync(options),
    "graphql" => await GraphQLHttpBenchmark.RunAsync(options),
    "graphql-micro" => await GraphQLMicroBenchmark.RunAsync(options),
    "graphql-profile" => await GraphQLStageProfile.RunAsync(options),
    "partners" => await CommerceGateway.Benchmarks.Partners.PartnerBenchmark.RunAsync(options),
    "soak" => await CommerceGateway.Benchmarks.Soak.SoakBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/CommerceGateway.Benchmarks -- <benchmark> [options]");
    Console.Error.WriteLine("  seat-holds [--concurrency 50] [--seconds 10] [--requests 200000] [--record]");
    Console.Error.WriteLine("      seat-hold acquire+release pairs/s through RedisSeatHoldStore vs redis-benchmark running the same");
    Console.Error.WriteLine("      Lua scripts (EVALSHA) on the same private redis-server; --record writes docs/benchmarks.md.");
    Console.Error.WriteLine("  graphql [--connections 50] [--seconds 10] [--rounds 3] [--warmup 5] [--record] [--serve-only SECONDS]");
    Console.Error.WriteLine("      req/s of a checkout query: our engine on Kestrel vs graphql-http + graphql-js on Node vs a plain");
    Console.Error.WriteLine("      ASP.NET endpoint writing the same bytes, all driven by wrk; --record writes docs/benchmarks.md.");
    Console.Error.WriteLine("  graphql-micro [--iterations 10] [--record] [--check-only]");
    Console.Error.WriteLine("      BenchmarkDotNet: parse + validate + execute of the checkout query, document cache cold and warm, ours vs");
    Console.Error.WriteLine("      GraphQL.NET 8.8.5 on the same schema and data; --check-only only checks both write the same response.");
    Console.Error.WriteLine("  graphql-profile [--iterations 20000]");
    Console.Error.WriteLine("      where a cached checkout request spends its time in the engine: each stage timed alone, with its allocations.");
    Console.Error.WriteLine("  partners [--record] [--hold SECONDS] [--redis] [--algorithm ES256|RS256]");
    Console.Error.WriteLine("      req/s and fixed-rate latency of a partner route: direct upstream vs the gateway vs nginx, driven by wrk.");
    Console.Error.WriteLine("  soak [--buyers 200] [--seconds 120] [--record]");
    Console.Error.WriteLine("      3 gateway processes behind nginx on a 6-node Redis Cluster, buyers racing for seats and checking out while a");
    Console.Error.WriteLine("      replica is SIGKILLed and a master fails over; invariants checked against the backends; exit 1 on a failure.");
    return 2;
}
