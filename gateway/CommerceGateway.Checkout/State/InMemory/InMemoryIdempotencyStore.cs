namespace CommerceGateway.Checkout.State.InMemory;

/// <summary>Idempotency records in process memory; records lapse by <see cref="TimeProvider"/>.</summary>
internal sealed class InMemoryIdempotencyStore(TimeProvider timeProvider) : IIdempotencyStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _records = new(StringComparer.Ordinal);

    public Task<IdempotencyBeginResult> BeginAsync(string key, string fingerprint, TimeSpan ttl, CancellationToken ct = default)
    {
        StateArguments.Id(key, nameof(key));
        StateArguments.Id(fingerprint, nameof(fingerprint));
        StateArguments.Ttl(ttl, nameof(ttl));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var entry = Current(key, now);
            if (entry is null)
            {
                _records[key] = new Entry(fingerprint, null, now + ttl);
                return Task.FromResult(IdempotencyBeginResult.New);
            }

            if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return Task.FromResult(IdempotencyBeginResult.Mismatch);
            }

            return Task.FromResult(entry.Result is null ? IdempotencyBeginResult.InProgress : IdempotencyBeginResult.Completed(entry.Result));
        }
    }

    public Task CompleteAsync(string key, string fingerprint, string result, TimeSpan ttl, CancellationToken ct = default)
    {
        StateArguments.Id(key, nameof(key));
        StateArguments.Id(fingerprint, nameof(fingerprint));
        ArgumentNullException.ThrowIfNull(result);
        StateArguments.Ttl(ttl, nameof(ttl));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var entry = Current(key, now);
            if (entry is not null && !string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                throw IdempotencyKeyMismatchException.ForKey(key);
            }

            _records[key] = new Entry(fingerprint, result, now + ttl);
            return Task.CompletedTask;
        }
    }

    public Task AbandonAsync(string key, string fingerprint, CancellationToken ct = default)
    {
        StateArguments.Id(key, nameof(key));
        StateArguments.Id(fingerprint, nameof(fingerprint));
        ct.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var entry = Current(key, timeProvider.GetUtcNow());
            if (entry is { Result: null } && string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                _records.Remove(key);
            }

            return Task.CompletedTask;
        }
    }

    private Entry? Current(string key, DateTimeOffset now)
    {
        if (!_records.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > now)
        {
            return entry;
        }

        _records.Remove(key);
        return null;
    }

    /// <summary>A claim (no result yet) or a completed request.</summary>
    private sealed record Entry(string Fingerprint, string? Result, DateTimeOffset ExpiresAt);
}
