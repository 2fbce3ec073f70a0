using System.Globalization;

namespace CommerceGateway.Gateway.Operations.Logging;

/// <summary>Redacts each entry's message and values before any provider sees it.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    private const string OriginalFormat = "{OriginalFormat}";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        var message = formatter(state, exception);
        var values = new List<KeyValuePair<string, object?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                if (key == OriginalFormat || value is null)
                {
                    values.Add(new(key, value));
                    continue;
                }

                var text = value as string ?? (value is Uri or IFormattable ? Convert.ToString(value, CultureInfo.InvariantCulture) : null);
                if (LogRedactor.IsSensitiveName(key))
                {
                    // The formatted message holds the raw value too: mask it there as well.
                    if (text is { Length: > 0 })
                    {
                        message = message.Replace(text, LogRedactor.Mask, StringComparison.Ordinal);
                    }

                    values.Add(new(key, LogRedactor.Mask));
                }
                else
                {
                    values.Add(new(key, value is string or Uri ? LogRedactor.Redact(text!) : value));
                }
            }
        }

        inner.Log(logLevel, eventId, new RedactedLogState(values, LogRedactor.Redact(message)), exception, RedactedLogState.Format);
    }
}
