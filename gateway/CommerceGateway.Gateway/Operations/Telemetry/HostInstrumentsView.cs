using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace CommerceGateway.Gateway.Operations.Telemetry;

/// <summary>
/// What the meter provider makes of each instrument it listens to. OpenTelemetry matches meters by
/// name in the whole process, so without this a host would also count the instruments of another
/// host's meter factory (tests start several gateways in one process). Per-request instruments no
/// documented series needs are dropped (<see cref="UnreadInstruments"/>). Our duration histograms get
/// bounds in seconds: OpenTelemetry's default bounds (0 to 10 000) are meant for milliseconds.
/// </summary>
internal sealed class HostInstrumentsView(IMeterFactory ownFactory)
{
    /// <summary>Seconds; the Prometheus client defaults, which suit request and backend latencies.</summary>
    public static readonly double[] DurationBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public MetricStreamConfiguration? Select(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, ownFactory))
        {
            return MetricStreamConfiguration.Drop;
        }

        if (UnreadInstruments.Contains(instrument.Meter.Name, instrument.Name))
        {
            return MetricStreamConfiguration.Drop;
        }

        // ASP.NET Core's and HttpClient's histograms advise their own bounds; ours give none.
        if (instrument is Histogram<double> && instrument.Unit == "s" && instrument.Meter.Name.StartsWith("CommerceGateway.", StringComparison.Ordinal))
        {
            return new ExplicitBucketHistogramConfiguration { Boundaries = DurationBounds };
        }

        return null;
    }
}
