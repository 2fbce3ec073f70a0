using System.Collections.ObjectModel;
using System.Diagnostics;

namespace CommerceGateway.Gateway.Tests.Operations;

/// <summary>
/// Where the in-memory exporter puts finished spans. Spans end on whichever thread finishes their
/// request, so adds are locked; tests read a copy.
/// </summary>
public sealed class SpanCollection : Collection<Activity>
{
    private readonly Lock _gate = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. Items];
        }
    }

    /// <summary>Waits for a span that ends after the response has been sent (server spans do).</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var found = Snapshot().FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "No such span was exported within 10 s.");
            await Task.Delay(20);
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_gate)
        {
            base.InsertItem(index, item);
        }
    }
}
