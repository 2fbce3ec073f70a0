namespace CommerceGateway.Gateway.Operations.Prometheus;

/// <summary>All series of one Prometheus metric name, with its HELP and TYPE.</summary>
internal sealed class MetricFamily(string name, string type, string help, IReadOnlyList<double> bounds)
{
    private readonly Dictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>counter, gauge or histogram.</summary>
    public string Type { get; } = type;

    public string Help { get; } = help;

    /// <summary>Upper bounds of the histogram buckets, +Inf excluded; empty for other types.</summary>
    public IReadOnlyList<double> Bounds { get; } = bounds;

    /// <summary>Guards the series and their values: measurements arrive on any thread.</summary>
    public Lock Gate { get; } = new();

    public void Add(string labels, double value)
    {
        lock (Gate)
        {
            var series = GetOrAdd(labels);
            series.Value += value;
            series.Count++;
        }
    }

    public void Observe(string labels, double value)
    {
        lock (Gate)
        {
            var series = GetOrAdd(labels);
            series.Value += value;
            series.Count++;
            var bucket = 0;
            while (bucket < Bounds.Count && value > Bounds[bucket])
            {
                bucket++;
            }

            series.Buckets[bucket]++;
        }
    }

    /// <summary>A copy of the series ordered by labels, taken under the lock so a scrape sees consistent values.</summary>
    public IReadOnlyList<(string Labels, double Value, long Count, long[] Buckets)> Snapshot()
    {
        lock (Gate)
        {
            return [.. _series.Values
                .OrderBy(s => s.Labels, StringComparer.Ordinal)
                .Select(s => (s.Labels, s.Value, s.Count, (long[])s.Buckets.Clone()))];
        }
    }

    private MetricSeries GetOrAdd(string labels)
    {
        if (!_series.TryGetValue(labels, out var series))
        {
            series = new MetricSeries(labels, Bounds.Count + 1);
            _series[labels] = series;
        }

        return series;
    }
}
