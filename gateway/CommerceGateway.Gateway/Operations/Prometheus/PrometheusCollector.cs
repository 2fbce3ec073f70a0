using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace CommerceGateway.Gateway.Operations.Prometheus;

/// <summary>
/// Listens to our meters (names starting with <c>CommerceGateway</c>) and keeps cumulative totals
/// and histograms for the Prometheus exposition. Meters created by another container's meter
/// factory are skipped, so two hosts in one process (tests) do not count each other's requests.
/// </summary>
internal sealed class PrometheusCollector : IDisposable
{
    /// <summary>Seconds; the Prometheus client defaults, which suit request and backend latencies.</summary>
    public static readonly IReadOnlyList<double> DurationBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _labelNames = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly IMeterFactory _ownFactory;

    public PrometheusCollector(IMeterFactory meterFactory)
    {
        _ownFactory = meterFactory;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Accepts(instrument))
            {
                listener.EnableMeasurementEvents(instrument, Register(instrument));
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => Record(state, value, tags));
        _listener.Start();
    }

    public IEnumerable<MetricFamily> Families => _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();

    private bool Accepts(Instrument instrument) =>
        instrument.Meter.Name.StartsWith("CommerceGateway", StringComparison.Ordinal)
        && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, _ownFactory))
        && (PrometheusNaming.IsCounter(instrument) || PrometheusNaming.IsHistogram(instrument));

    private Subscription Register(Instrument instrument)
    {
        var name = PrometheusNaming.For(instrument);
        var histogram = PrometheusNaming.IsHistogram(instrument);
        var family = _families.GetOrAdd(name.Family, static (family, args) => new MetricFamily(
            family,
            args.histogram ? "histogram" : "counter",
            args.instrument.Description ?? args.instrument.Name,
            args.histogram ? DurationBounds : []), (instrument, histogram));
        var constant = name.ConstantLabels.Select(l => new KeyValuePair<string, object?>(l.Key, l.Value)).ToArray();
        return new Subscription(family, histogram, constant);
    }

    private void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is not Subscription subscription)
        {
            return;
        }

        var labels = Labels(tags, subscription.ConstantLabels);
        if (subscription.IsHistogram)
        {
            subscription.Family.Observe(labels, value);
        }
        else
        {
            subscription.Family.Add(labels, value);
        }
    }

    /// <summary>The label set in exposition form, sorted by name so one set always maps to one series.</summary>
    /// <remarks>Runs for every measurement (two per request), so it allocates one array and one builder.</remarks>
    private string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags, KeyValuePair<string, object?>[] constant)
    {
        if (tags.Length == 0 && constant.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new (string Name, string Value)[tags.Length + constant.Length];
        var count = 0;
        foreach (var tag in tags)
        {
            var value = tag.Value as string ?? Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            Insert(pairs, ref count, (LabelName(tag.Key), value));
        }

        foreach (var tag in constant)
        {
            Insert(pairs, ref count, (tag.Key, (string)tag.Value!));
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(name).Append("=\"");
            PrometheusText.AppendEscapedLabelValue(builder, value);
            builder.Append('"');
        }

        return builder.ToString();
    }

    /// <summary>Insertion by name: label sets are a handful of pairs.</summary>
    private static void Insert((string Name, string Value)[] pairs, ref int count, (string Name, string Value) pair)
    {
        var at = count;
        while (at > 0 && string.CompareOrdinal(pairs[at - 1].Name, pair.Name) > 0)
        {
            pairs[at] = pairs[at - 1];
            at--;
        }

        pairs[at] = pair;
        count++;
    }

    /// <summary>Tag keys are a small fixed set, so each is sanitized once.</summary>
    private string LabelName(string key) => _labelNames.GetOrAdd(key, PrometheusNaming.Sanitize);

    private sealed record Subscription(MetricFamily Family, bool IsHistogram, KeyValuePair<string, object?>[] ConstantLabels);
}
