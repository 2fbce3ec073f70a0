using System.Collections.Concurrent;

namespace CommerceGateway.Checkout.State.InMemory;

/// <summary>Used token ids in process memory, each kept until its token would have expired.</summary>
internal sealed class InMemoryUsedTokenIdStore(TimeProvider timeProvider) : IUsedTokenIdStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public Task<bool> TryUseAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        StateArguments.Id(tokenId, nameof(tokenId));
        ct.ThrowIfCancellationRequested();

        var now = timeProvider.GetUtcNow();
        foreach (var (id, until) in _used)
        {
            if (until <= now)
            {
                _used.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, until));
            }
        }

        return Task.FromResult(expiresAt > now && _used.TryAdd(tokenId, expiresAt));
    }
}
