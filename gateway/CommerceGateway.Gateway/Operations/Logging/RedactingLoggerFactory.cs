using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Operations.Logging;

/// <summary>
/// The host's logger factory, wrapping the standard one so every logger of every library
/// (identity, adapters, YARP, ASP.NET Core) redacts before its providers write. Providers stay
/// whatever the host configured; only their input is cleaned.
/// </summary>
internal sealed class RedactingLoggerFactory(
    IEnumerable<ILoggerProvider> providers,
    IOptionsMonitor<LoggerFilterOptions> filters,
    IOptions<LoggerFactoryOptions> options,
    IExternalScopeProvider? scopes = null) : ILoggerFactory
{
    private readonly LoggerFactory _inner = new(providers, filters, options, scopes);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose() => _inner.Dispose();
}
