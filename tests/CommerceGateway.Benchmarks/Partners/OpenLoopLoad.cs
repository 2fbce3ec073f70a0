using System.Diagnostics;
using System.Threading.Channels;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// A constant-rate (open-loop) load generator, used because Debian has no wrk2. A dedicated thread
/// releases request i at start + i/rate whether or not earlier answers came back; a fixed pool of
/// keep-alive connections sends them. Latency is taken from the intended send time, so time a
/// request spent waiting for a free connection behind a slow answer counts (no coordinated omission).
/// </summary>
internal static class OpenLoopLoad
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    public static async Task<OpenLoopResult> RunAsync(LoadTarget target, byte[] request, double rate, TimeSpan duration, int connections)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var ticksPerRequest = Stopwatch.Frequency / rate;
        // A path that cannot keep up builds a backlog: it gets a bounded drain, then what is left counts as unanswered.
        using var deadline = new CancellationTokenSource(duration + Drain);
        var pool = new RawHttpConnection[connections];
        try
        {
            for (var i = 0; i < connections; i++)
            {
                pool[i] = await RawHttpConnection.OpenAsync(target.Port, deadline.Token);
            }

            var due = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true });
            var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 20);
            var workers = pool.Select(connection => Task.Run(() => SendLoopAsync(connection, request, due.Reader, deadline.Token))).ToArray();
            var scheduler = new Thread(() => Schedule(due.Writer, start, ticksPerRequest, total, deadline.Token)) { IsBackground = true, Name = "open-loop scheduler" };
            scheduler.Start();
            var results = await Task.WhenAll(workers);
            var elapsed = Stopwatch.GetElapsedTime(start);
            scheduler.Join();
            var answered = results.Sum(r => (long)r.Latencies.Count);
            // Requests never answered by the deadline waited at least until then: counting them at that
            // lower bound keeps an overloaded path's percentiles honest instead of dropping its worst.
            var end = Stopwatch.GetTimestamp();
            var unanswered = Enumerable.Range(0, (int)(total - answered)).Select(i => end - (start + (long)((answered + i) * ticksPerRequest)));
            return new OpenLoopResult(
                [.. results.SelectMany(r => r.Latencies), .. unanswered],
                [.. results.SelectMany(r => r.Lags)],
                total,
                results.Sum(r => r.Failed) + (total - answered),
                elapsed);
        }
        finally
        {
            foreach (var connection in pool)
            {
                connection?.Dispose();
            }
        }
    }

    private static void Schedule(ChannelWriter<long> due, long start, double ticksPerRequest, long total, CancellationToken cancellationToken)
    {
        for (var i = 0L; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            var intended = start + (long)(i * ticksPerRequest);
            var wait = Stopwatch.GetTimestamp() - intended;
            while (wait < 0)
            {
                PreciseSleep.For(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended));
                wait = Stopwatch.GetTimestamp() - intended;
            }

            due.TryWrite(intended);
        }

        due.TryComplete();
    }

    private static async Task<WorkerResult> SendLoopAsync(RawHttpConnection connection, byte[] request, ChannelReader<long> due, CancellationToken cancellationToken)
    {
        var result = new WorkerResult();
        try
        {
            await foreach (var intended in due.ReadAllAsync(cancellationToken))
            {
                var sent = Stopwatch.GetTimestamp();
                var status = await connection.SendAsync(request, cancellationToken);
                var done = Stopwatch.GetTimestamp();
                // Released late (no free connection, or the scheduler overslept): the wait counts.
                result.Latencies.Add(done - Math.Min(intended, sent));
                result.Lags.Add(Math.Max(0, sent - intended));
                if (status != 200)
                {
                    result.Failed++;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The drain deadline passed: the caller counts what is left as unanswered.
        }

        return result;
    }

    private sealed class WorkerResult
    {
        public List<long> Latencies { get; } = [];

        public List<long> Lags { get; } = [];

        public long Failed { get; set; }
    }
}
