using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceGateway.Adapters;

/// <summary>Backend call counts and durations by channel, operation and outcome.</summary>
internal sealed class AdapterMetrics
{
    public const string MeterName = "CommerceGateway.Adapters";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public AdapterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("commerce.adapter.calls", description: "Backend calls by channel, operation and outcome.");
        _duration = meter.CreateHistogram<double>("commerce.adapter.duration", unit: "s", description: "Backend call duration, all attempts included.");
    }

    public void Record(string channel, string operation, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "channel", channel }, { "operation", operation }, { "outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
