namespace CommerceGateway.Gateway.Operations.Prometheus;

/// <summary>One labelled series: a running total, or a histogram's buckets, sum and count.</summary>
internal sealed class MetricSeries(string labels, int bucketCount)
{
    /// <summary>The label set, already in exposition form without braces (<c>a="x",b="y"</c>), sorted by name.</summary>
    public string Labels { get; } = labels;

    /// <summary>The counter's total, or the histogram's sum.</summary>
    public double Value { get; set; }

    public long Count { get; set; }

    /// <summary>Per-bucket (not cumulative) counts; the last bucket is +Inf.</summary>
    public long[] Buckets { get; } = new long[bucketCount];
}
