using System.Collections.Concurrent;

namespace CommerceGateway.Checkout.State.InMemory;

/// <summary>Revoked token ids in process memory, each kept until its token would have expired.</summary>
internal sealed class InMemoryRevokedTokenStore(TimeProvider timeProvider) : IRevokedTokenStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        StateArguments.Id(tokenId, nameof(tokenId));
        ct.ThrowIfCancellationRequested();

        var now = timeProvider.GetUtcNow();
        if (expiresAt > now)
        {
            _revoked[tokenId] = expiresAt;
        }

        foreach (var (id, until) in _revoked)
        {
            if (until <= now)
            {
                _revoked.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, until));
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsRevokedAsync(string tokenId, CancellationToken ct = default)
    {
        StateArguments.Id(tokenId, nameof(tokenId));
        ct.ThrowIfCancellationRequested();

        return Task.FromResult(_revoked.TryGetValue(tokenId, out var until) && until > timeProvider.GetUtcNow());
    }
}
