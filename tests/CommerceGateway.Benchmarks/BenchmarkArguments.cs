using System.Globalization;

namespace CommerceGateway.Benchmarks;

/// <summary>"--name value" and "--flag" options after the benchmark name.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static BenchmarkArguments Parse(IEnumerable<string> args)
    {
        var parsed = new BenchmarkArguments();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    parsed._values[pending] = "true";
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                parsed._values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.", nameof(args));
            }
        }

        if (pending is not null)
        {
            parsed._values[pending] = "true";
        }

        return parsed;
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        var value = int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return value < min || value > max
            ? throw new ArgumentOutOfRangeException(name, value, $"--{name} must be between {min} and {max}.")
            : value;
    }

    public string Text(string name, string defaultValue, IReadOnlyCollection<string> allowed)
    {
        var value = _values.GetValueOrDefault(name, defaultValue);
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"--{name} must be one of {string.Join(", ", allowed)}.");
    }

    public bool Flag(string name) => _values.TryGetValue(name, out var text) && bool.Parse(text);
}
