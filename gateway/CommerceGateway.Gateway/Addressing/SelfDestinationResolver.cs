using CommerceGateway.Identity;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace CommerceGateway.Gateway.Addressing;

/// <summary>
/// Resolves partner cluster destinations whose <c>Address</c> or <c>Health</c> is a path against the
/// address the server listens on. YARP loads its configuration before the server listens: until then
/// such destinations are left out (no request can arrive, and an active health probe would only be
/// refused and logged as a failure), and the change token makes YARP resolve again once it listens.
/// </summary>
internal sealed class SelfDestinationResolver(ServerListenAddress listenAddress) : IDestinationResolver
{
    public ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        if (!destinations.Values.Any(IsOnSelf))
        {
            return ValueTask.FromResult(new ResolvedDestinationCollection(destinations, null));
        }

        if (!listenAddress.TryGet(out var address))
        {
            var elsewhere = destinations.Where(d => !IsOnSelf(d.Value)).ToDictionary(d => d.Key, d => d.Value, StringComparer.OrdinalIgnoreCase);
            return ValueTask.FromResult(new ResolvedDestinationCollection(elsewhere, new CancellationChangeToken(listenAddress.Started)));
        }

        var resolved = destinations.ToDictionary(
            d => d.Key,
            d => d.Value with { Address = Resolve(address, d.Value.Address)!, Health = Resolve(address, d.Value.Health) },
            StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(new ResolvedDestinationCollection(resolved, null));
    }

    private static bool IsOnSelf(DestinationConfig destination) => SelfAddress.IsPath(destination.Address) || SelfAddress.IsPath(destination.Health);

    private static string? Resolve(Uri address, string? url) => SelfAddress.IsPath(url) ? SelfAddress.Resolve(address, url!).ToString() : url;
}
