namespace CommerceGateway.Checkout.State.InMemory;

/// <summary>Sessions in process memory with optimistic versions and a sliding TTL from <see cref="TimeProvider"/>.</summary>
internal sealed class InMemorySessionStore(TimeProvider timeProvider) : ISessionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _followUps = new(StringComparer.Ordinal);

    public Task<VersionedDocument?> GetAsync(string sessionId, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var entry = Current(sessionId, now);
            if (entry is null)
            {
                return Task.FromResult<VersionedDocument?>(null);
            }

            _sessions[sessionId] = entry with { ExpiresAt = now + entry.Ttl };
            return Task.FromResult<VersionedDocument?>(new VersionedDocument(entry.Document, entry.Version));
        }
    }

    public Task<long> PutAsync(string sessionId, string document, long expectedVersion, TimeSpan ttl, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        StateArguments.Ttl(ttl, nameof(ttl));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var current = Current(sessionId, now)?.Version ?? 0;
            if (current != expectedVersion)
            {
                throw new SessionVersionConflictException(sessionId, expectedVersion, current);
            }

            var version = current + 1;
            _sessions[sessionId] = new Entry(document, version, ttl, now + ttl);
            return Task.FromResult(version);
        }
    }

    public Task<bool> DeleteAsync(string sessionId, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var existed = Current(sessionId, timeProvider.GetUtcNow()) is not null;
            _sessions.Remove(sessionId);
            return Task.FromResult(existed);
        }
    }

    public Task ScheduleFollowUpAsync(string sessionId, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            _followUps[sessionId] = dueAt;
        }

        return Task.CompletedTask;
    }

    public Task CancelFollowUpAsync(string sessionId, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            _followUps.Remove(sessionId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetDueFollowUpsAsync(DateTimeOffset until, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            IReadOnlyList<string> due = [.. _followUps.Where(f => f.Value <= until).OrderBy(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(limit).Select(f => f.Key)];
            return Task.FromResult(due);
        }
    }

    private Entry? Current(string sessionId, DateTimeOffset now)
    {
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > now)
        {
            return entry;
        }

        _sessions.Remove(sessionId);
        return null;
    }

    private sealed record Entry(string Document, long Version, TimeSpan Ttl, DateTimeOffset ExpiresAt);
}
