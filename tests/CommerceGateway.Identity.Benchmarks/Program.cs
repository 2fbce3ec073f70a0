using System.Globalization;
using CommerceGateway.Identity.Benchmarks;

// Token issuance over loopback HTTP at fixed concurrency vs raw JsonWebTokenHandler signing with the same
// key, in one run. Phases alternate (raw, HTTP) for several rounds so both see the same machine load.
// Usage: dotnet run -c Release --project tests/CommerceGateway.Identity.Benchmarks -- [seconds] [concurrency] [rounds]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
if (seconds is < 1 or > 60 || concurrency is < 1 or > 256 || rounds is < 1 or > 10)
{
    Console.Error.WriteLine("seconds must be 1..60, concurrency 1..256 and rounds 1..10.");
    return 2;
}

var duration = TimeSpan.FromSeconds(seconds);
await using var server = await IssuanceServer.StartAsync();
var signer = await RawSigner.CreateAsync(server);
Func<Func<CancellationToken, Task<bool>>> http = () => server.CreateClient().SendAsync;
Func<Func<CancellationToken, Task<bool>>> raw = () => signer.SignAsync;
Func<Func<CancellationToken, Task<bool>>> ceiling = () => server.CreateCeilingClient().SendAsync;

Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"Algorithm: {signer.Algorithm}; {rounds} rounds of {seconds}s per phase; {concurrency} concurrent workers in both phases; load average at start {File.ReadAllText("/proc/loadavg").Trim()}");

// Warm-up: JIT, connections, the verified-secret cache, the signature provider cache.
await LoadRunner.RunAsync(http, TimeSpan.FromSeconds(2), concurrency, CancellationToken.None);
await LoadRunner.RunAsync(raw, TimeSpan.FromSeconds(1), concurrency, CancellationToken.None);
await LoadRunner.RunAsync(ceiling, TimeSpan.FromSeconds(1), concurrency, CancellationToken.None);

var ratios = new List<double>();
var ceilingRatios = new List<double>();
var failures = 0;
for (var round = 1; round <= rounds; round++)
{
    var rawResult = await LoadRunner.RunAsync(raw, duration, concurrency, CancellationToken.None);
    var httpResult = await LoadRunner.RunAsync(http, duration, concurrency, CancellationToken.None);
    var ceilingResult = await LoadRunner.RunAsync(ceiling, duration, concurrency, CancellationToken.None);
    failures += httpResult.Failures + ceilingResult.Failures;
    ratios.Add(httpResult.PerSecond / rawResult.PerSecond);
    ceilingRatios.Add(httpResult.PerSecond / ceilingResult.PerSecond);
    Console.WriteLine(
        $"Round {round}: raw {rawResult.PerSecond:F0} tokens/s; HTTP {httpResult.PerSecond:F0} tokens/s " +
        $"(p50 {httpResult.P50.TotalMilliseconds:F2} ms, p99 {httpResult.P99.TotalMilliseconds:F2} ms, failures {httpResult.Failures}); " +
        $"ceiling {ceilingResult.PerSecond:F0} responses/s (p50 {ceilingResult.P50.TotalMilliseconds:F2} ms); " +
        $"HTTP/raw {ratios[^1]:P1}, HTTP/ceiling {ceilingRatios[^1]:P1}, ceiling/raw {ceilingResult.PerSecond / rawResult.PerSecond:P1}");
}

Console.WriteLine($"Median ratio HTTP / raw: {ratios.Order().ElementAt(ratios.Count / 2):P1}");
Console.WriteLine($"Median ratio HTTP / ceiling: {ceilingRatios.Order().ElementAt(ceilingRatios.Count / 2):P1}");
return failures == 0 ? 0 : 1;
