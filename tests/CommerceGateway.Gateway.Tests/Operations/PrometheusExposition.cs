using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommerceGateway.Gateway.Tests.Operations;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, enough to check the exporter's output: every
/// line is a HELP, a TYPE or a sample whose family was typed first; label values are unescaped.
/// </summary>
public sealed partial class PrometheusExposition
{
    private readonly List<Sample> _samples = [];
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    public IReadOnlyList<Sample> Samples => _samples;

    public IReadOnlyDictionary<string, string> Types => _types;

    public static PrometheusExposition Parse(string text)
    {
        var exposition = new PrometheusExposition();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            exposition.ParseLine(line);
        }

        return exposition;
    }

    /// <summary>
    /// The value of the one sample with this name that has these labels (others, such as
    /// <c>otel_scope_name</c> or <c>url_scheme</c>, may be there too), or null when none has.
    /// </summary>
    public double? Value(string name, params (string Name, string Value)[] labels) =>
        _samples.SingleOrDefault(s => s.Name == name && s.Has(labels))?.Value;

    private void ParseLine(string line)
    {
        if (line.StartsWith("# HELP ", StringComparison.Ordinal))
        {
            Assert.Matches(HelpLine(), line);
            return;
        }

        if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
        {
            var match = TypeLine().Match(line);
            Assert.True(match.Success, $"Bad TYPE line: {line}");
            Assert.True(_types.TryAdd(match.Groups[1].Value, match.Groups[2].Value), $"Family typed twice: {line}");
            return;
        }

        var sample = SampleLine().Match(line);
        Assert.True(sample.Success, $"Bad sample line: {line}");
        var name = sample.Groups["name"].Value;
        var family = _types.Keys.SingleOrDefault(f => name == f || (_types[f] == "histogram" && (name == f + "_bucket" || name == f + "_sum" || name == f + "_count")));
        Assert.True(family is not null, $"Sample before its TYPE: {line}");
        var labels = ParseLabels(sample.Groups["labels"].Value, line);
        var value = sample.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        _samples.Add(new Sample(name, labels, value));
    }

    private static Dictionary<string, string> ParseLabels(string text, string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            var name = text[i..equals];
            Assert.Matches(LabelName(), name);
            Assert.True(text[equals + 1] == '"', $"Unquoted label value: {line}");
            var value = new StringBuilder();
            var j = equals + 2;
            for (; text[j] != '"'; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                    value.Append(text[j] switch
                    {
                        'n' => '\n',
                        '\\' => '\\',
                        '"' => '"',
                        _ => throw new InvalidOperationException($"Bad escape in {line}"),
                    });
                }
                else
                {
                    Assert.NotEqual('\n', text[j]);
                    value.Append(text[j]);
                }
            }

            Assert.True(labels.TryAdd(name, value.ToString()), $"Duplicate label {name}: {line}");
            i = j + 1;
            if (i < text.Length)
            {
                Assert.Equal(',', text[i]);
                i++;
            }
        }

        return labels;
    }

    [GeneratedRegex(@"^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>(?:[^""\\]|\\.|""(?:[^""\\]|\\.)*"")*)\})? (?<value>[-+]?(?:[0-9.eE+-]+|Inf|NaN))$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        public bool Has(params (string Name, string Value)[] labels) => labels.All(l => Labels.GetValueOrDefault(l.Name) == l.Value);
    }
}
