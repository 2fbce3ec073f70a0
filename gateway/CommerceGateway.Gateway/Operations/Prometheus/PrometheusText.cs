using System.Globalization;
using System.Text;

namespace CommerceGateway.Gateway.Operations.Prometheus;

/// <summary>Writes the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            var series = family.Snapshot();
            text.Append("# HELP ").Append(family.Name).Append(' ');
            AppendEscapedHelp(text, family.Help);
            text.Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var (labels, value, count, buckets) in series)
            {
                if (family.Type == "histogram")
                {
                    AppendHistogram(text, family, labels, value, count, buckets);
                }
                else
                {
                    AppendSample(text, family.Name, labels, null, value);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static void AppendEscapedLabelValue(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append(@"\n"),
                _ => text.Append(c),
            };
        }
    }

    /// <summary>HELP text escapes backslash and line feed (not quotes).</summary>
    private static void AppendEscapedHelp(StringBuilder text, string help)
    {
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\n' => text.Append(@"\n"),
                _ => text.Append(c),
            };
        }
    }

    private static void AppendHistogram(StringBuilder text, MetricFamily family, string labels, double sum, long count, long[] buckets)
    {
        long cumulative = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            cumulative += buckets[i];
            var le = i < family.Bounds.Count ? Number(family.Bounds[i]) : "+Inf";
            AppendSample(text, family.Name + "_bucket", labels, le, cumulative);
        }

        AppendSample(text, family.Name + "_sum", labels, null, sum);
        AppendSample(text, family.Name + "_count", labels, null, count);
    }

    private static void AppendSample(StringBuilder text, string name, string labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            text.Append('{').Append(labels);
            if (le is not null)
            {
                text.Append(labels.Length > 0 ? ",le=\"" : "le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
