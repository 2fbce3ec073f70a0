using System.Diagnostics;
using CommerceGateway.Adapters.State;

namespace CommerceGateway.Benchmarks.SeatHolds;

/// <summary>
/// Fixed-concurrency load through <see cref="ISeatHoldStore"/>: each loop acquires two seats and
/// releases them, over and over, for a bounded time. Loops use disjoint seats, so every
/// acquisition succeeds and measures the full write path (no cheap conflict answers).
/// </summary>
internal static class StoreLoad
{
    public static readonly TimeSpan HoldTtl = TimeSpan.FromSeconds(30);

    /// <summary>Runs the loops and returns completed acquire+release pairs and the elapsed time.</summary>
    public static async Task<(long Pairs, TimeSpan Elapsed)> RunAsync(ISeatHoldStore store, int concurrency, TimeSpan duration, string runName)
    {
        var pairs = new long[concurrency];
        var watch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, concurrency).Select(loop => Task.Run(async () =>
        {
            var holder = $"{runName}-holder-{loop}";
            var seats = new string[2];
            var count = 0L;
            while (watch.Elapsed < duration)
            {
                var row = count % 500;
                seats[0] = $"{runName}-{loop}-{row}-a";
                seats[1] = $"{runName}-{loop}-{row}-b";
                var result = await store.AcquireAsync(holder, seats, HoldTtl);
                if (!result.Acquired)
                {
                    throw new InvalidOperationException($"Loop {loop} was refused its own seats: {string.Join(',', result.ConflictingSeatIds)}.");
                }

                await store.ReleaseAsync(holder, seats);
                count++;
            }

            pairs[loop] = count;
        })).ToArray();
        await Task.WhenAll(loops);
        watch.Stop();
        return (pairs.Sum(), watch.Elapsed);
    }
}
