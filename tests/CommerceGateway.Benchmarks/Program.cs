using CommerceGateway.Benchmarks;
using CommerceGateway.Benchmarks.SeatHolds;

// Each benchmark is a sub-command that measures our component next to a reference in the same run.
var command = args.Length > 0 ? args[0] : "";
var options = BenchmarkArguments.Parse(args.Skip(1));
return command switch
{
    "seat-holds" => await SeatHoldBenchmark.RunAsync(options),
    "partners" => await CommerceGateway.Benchmarks.Partners.PartnerBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/CommerceGateway.Benchmarks -- <benchmark> [options]");
    Console.Error.WriteLine("  seat-holds [--concurrency 50] [--seconds 10] [--requests 200000] [--record]");
    Console.Error.WriteLine("      seat-hold acquire+release pairs/s through RedisSeatHoldStore vs redis-benchmark running the same");
    Console.Error.WriteLine("      Lua scripts (EVALSHA) on the same private redis-server; --record writes docs/benchmarks.md.");
    return 2;
}
