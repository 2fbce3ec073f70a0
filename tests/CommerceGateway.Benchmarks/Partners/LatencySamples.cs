using System.Diagnostics;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>Latencies in Stopwatch ticks, pooled over rounds, with exact percentiles (nearest rank).</summary>
internal sealed class LatencySamples
{
    private readonly List<long> _ticks = [];
    private bool _sorted;

    public int Count => _ticks.Count;

    public void AddRange(IEnumerable<long> ticks)
    {
        _ticks.AddRange(ticks);
        _sorted = false;
    }

    /// <summary>The latency below which <paramref name="percent"/> % of the samples lie, in milliseconds.</summary>
    public double PercentileMs(double percent)
    {
        if (_ticks.Count == 0)
        {
            return double.NaN;
        }

        if (!_sorted)
        {
            _ticks.Sort();
            _sorted = true;
        }

        var rank = (int)Math.Ceiling(percent / 100 * _ticks.Count) - 1;
        return _ticks[Math.Clamp(rank, 0, _ticks.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
