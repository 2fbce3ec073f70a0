using Microsoft.Extensions.DependencyInjection;

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Adapters;

/// <summary>
/// Builds each channel's backend on first use: one HttpClient (base address, resilience pipeline)
/// and one backend instance per channel for the life of the process.
/// </summary>
internal sealed class ChannelRegistry : IChannelRegistry, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<string, (Channel Channel, AdapterRegistration Registration)> _channels;
    private readonly ConcurrentDictionary<string, Lazy<(object Backend, BackendHttpHandler Handler, HttpClient Client)>> _backends = new(StringComparer.OrdinalIgnoreCase);
    private readonly PrimaryHandlerFactory _primaryHandlers;
    private readonly AdapterMetrics _metrics;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly ICorrelationIdSource _correlation;

    public ChannelRegistry(
        IOptions<ChannelsOptions> options,
        IEnumerable<AdapterRegistration> registrations,
        IServiceProvider services,
        PrimaryHandlerFactory primaryHandlers,
        AdapterMetrics metrics,
        ILoggerFactory loggers,
        TimeProvider time,
        ICorrelationIdSource correlation)
    {
        _correlation = correlation;
        _services = services;
        _primaryHandlers = primaryHandlers;
        _metrics = metrics;
        _loggers = loggers;
        _time = time;
        var kinds = registrations.ToDictionary(r => r.Kind, StringComparer.OrdinalIgnoreCase);
        _channels = options.Value.Channels.ToDictionary(
            c => c.Key,
            c =>
            {
                var registration = kinds[c.Value.Adapter!];
                return (ChannelFactory.Create(c.Key, c.Value, registration), registration);
            },
            StringComparer.OrdinalIgnoreCase);
        Channels = [.. _channels.Values.Select(c => c.Channel).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Channel> Channels { get; }

    public bool TryGetChannel(string name, [NotNullWhen(true)] out Channel? channel)
    {
        channel = _channels.TryGetValue(name, out var entry) ? entry.Channel : null;
        return channel is not null;
    }

    public CommerceBackend GetCommerceBackend(string channel) =>
        Get(channel, isLoyalty: false) as CommerceBackend
        ?? throw new KeyNotFoundException($"No commerce channel is named '{channel}'.");

    public LoyaltyBackend GetLoyaltyBackend(string channel) =>
        Get(channel, isLoyalty: true) as LoyaltyBackend
        ?? throw new KeyNotFoundException($"No loyalty channel is named '{channel}'.");

    public BackendCircuitState GetCircuitState(string channel) =>
        _backends.TryGetValue(channel, out var lazy) && lazy.IsValueCreated ? lazy.Value.Handler.CircuitState : BackendCircuitState.Closed;

    public void Dispose()
    {
        foreach (var lazy in _backends.Values.Where(l => l.IsValueCreated))
        {
            (lazy.Value.Backend as IDisposable)?.Dispose();
            lazy.Value.Client.Dispose();
        }
    }

    private object? Get(string name, bool isLoyalty)
    {
        if (!_channels.TryGetValue(name, out var entry) || entry.Registration.IsLoyalty != isLoyalty)
        {
            return null;
        }

        return _backends.GetOrAdd(entry.Channel.Name, _ => new Lazy<(object, BackendHttpHandler, HttpClient)>(() => Create(entry.Channel, entry.Registration))).Value.Backend;
    }

    private (object Backend, BackendHttpHandler Handler, HttpClient Client) Create(Channel channel, AdapterRegistration registration)
    {
        var logger = _loggers.CreateLogger($"CommerceGateway.Adapters.Channel.{channel.Name}");
        var handler = new BackendHttpHandler(channel, _metrics, logger, _time, _correlation) { InnerHandler = _primaryHandlers.Create(channel) };
        // The pipeline's own timeouts bound each call; HttpClient's would fire without a typed error.
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = channel.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        // Backends that do not speak HTTP (in-process ones) need not take the client.
        var wantsClient = registration.BackendType.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(HttpClient)));
        var backend = wantsClient
            ? ActivatorUtilities.CreateInstance(_services, registration.BackendType, channel, client)
            : ActivatorUtilities.CreateInstance(_services, registration.BackendType, channel);
        return (backend, handler, client);
    }
}
