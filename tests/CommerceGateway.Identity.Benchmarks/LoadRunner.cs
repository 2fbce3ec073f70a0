using System.Diagnostics;

namespace CommerceGateway.Identity.Benchmarks;

/// <summary>Runs an operation from a fixed number of workers for a fixed time, counting completions and latencies.</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(Func<Func<CancellationToken, Task<bool>>> createWorker, TimeSpan duration, int workers, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var latencies = new List<long>[workers];
        var failures = new int[workers];
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Factory.StartNew(async () =>
        {
            var own = latencies[worker] = new List<long>(capacity: 100_000);
            var operation = createWorker();
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(CancellationToken.None).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (ok)
                {
                    own.Add(Stopwatch.GetTimestamp() - started);
                }
                else
                {
                    failures[worker]++;
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        clock.Stop();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(
            all.Length,
            failures.Sum(),
            clock.Elapsed,
            Percentile(all, 0.50),
            Percentile(all, 0.99));
    }

    private static TimeSpan Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, sorted[(int)Math.Min(sorted.Length - 1, sorted.Length * quantile)]);
}

/// <summary>What one load phase measured.</summary>
internal sealed record LoadResult(int Completed, int Failures, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
