using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Keys;

/// <summary>
/// Loads keys from the <see cref="ISigningKeyStore"/>, creates the first key and successors on schedule,
/// and removes keys once their last token has expired. The answer is cached until the next refresh, the
/// next activation or the next rotation, whichever comes first.
/// </summary>
internal sealed class SigningKeyManager : IDisposable
{
    // Verifiers may run a little ahead of us; a retired key stays this much longer than its last token.
    private static readonly TimeSpan RetentionGrace = TimeSpan.FromMinutes(5);
    private readonly ISigningKeyStore _store;
    private readonly IdentityKeyOptions _options;
    private readonly TimeSpan _maxTokenLifetime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SigningKey> _loaded = new(StringComparer.Ordinal);
    private volatile State? _state;
    private int _finishedRefreshes; // written under _gate
    private IdentityStoreUnavailableException? _lastOutage; // of the last finished refresh; under _gate
    private int _preloaded; // 1 once PreloadAsync ran

    public SigningKeyManager(ISigningKeyStore store, IOptions<IdentityOptions> options, ClientAuthenticator clients, TimeProvider time, ILogger<SigningKeyManager> logger)
    {
        _store = store;
        _options = options.Value.Keys;
        _maxTokenLifetime = clients.MaxAccessTokenLifetime;
        _time = time;
        _logger = logger;
    }

    public ValueTask<SigningKeySet> GetKeySetAsync(CancellationToken cancellationToken)
    {
        var state = _state;
        return state is not null && _time.GetUtcNow() < state.RefreshAt
            ? ValueTask.FromResult(state.Keys)
            : new ValueTask<SigningKeySet>(RefreshAsync(cancellationToken));
    }

    /// <summary>
    /// Loads the keys as the host starts, once. A key store that cannot be reached does not stop the host (the
    /// state store promises a start while Redis is still coming up): the keys load on first use, and
    /// until then tokens are answered temporarily_unavailable. A corrupt key still throws.
    /// </summary>
    public async Task PreloadAsync(CancellationToken cancellationToken)
    {
        // A host that preloads before it starts (the gateway's Program) also runs the hosted service that
        // preloads: one attempt is enough, and a second would wait on an unreachable store again.
        if (Interlocked.Exchange(ref _preloaded, 1) == 1)
        {
            return;
        }

        try
        {
            await GetKeySetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IdentityStoreUnavailableException e)
        {
            IdentityLog.KeysNotLoadedAtStart(_logger, e.Message);
        }
    }

    /// <summary>
    /// Makes the next <see cref="GetKeySetAsync"/> read the store again: a token names a key this
    /// replica has not loaded (another replica created it since the last read). Callers limit how often.
    /// </summary>
    public void RequestRefresh()
    {
        if (_state is { } state)
        {
            _state = state with { RefreshAt = DateTimeOffset.MinValue };
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SigningKeySet> RefreshAsync(CancellationToken cancellationToken)
    {
        var finishedBefore = Volatile.Read(ref _finishedRefreshes);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (_state is { } fresh && now < fresh.RefreshAt)
            {
                return fresh.Keys;
            }

            // A refresh that finished while this one waited found the store down: share its answer.
            // Trying again would queue every waiter behind the one before it, each for a full
            // store timeout, while a store that stalls answers none of them.
            if (_lastOutage is { } outage && _finishedRefreshes != finishedBefore)
            {
                throw new IdentityStoreUnavailableException(outage.Message, outage);
            }

            return await LoadAsync(now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeySet> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var records = (await _store.GetKeysAsync(cancellationToken).ConfigureAwait(false)).ToList();
            var active = PickActive(records, now);
            if (active is null)
            {
                active = await AddAsync(now, now, cancellationToken).ConfigureAwait(false);
                records.Add(active);
            }

            var pending = records.Where(r => r.ActivatesAt > now).OrderBy(r => r.ActivatesAt).ToList();
            var rotationDue = active.ActivatesAt + _options.RotationInterval - _options.PublishAhead;
            if (pending.Count == 0 && now >= rotationDue)
            {
                pending.Add(await AddAsync(now, now + _options.PublishAhead, cancellationToken).ConfigureAwait(false));
                records.Add(pending[^1]);
            }

            var published = new List<SigningKeyRecord>();
            foreach (var record in records)
            {
                if (await KeepAsync(record, records, now, cancellationToken).ConfigureAwait(false))
                {
                    published.Add(record);
                }
            }

            var set = new SigningKeySet(LoadCached(active), [.. published.OrderByDescending(r => r.ActivatesAt).Select(LoadCached)]);
            var refreshAt = new[] { now + _options.RefreshInterval, active.ActivatesAt + _options.RotationInterval - _options.PublishAhead }
                .Concat(pending.Select(p => p.ActivatesAt))
                .Where(t => t > now)
                .DefaultIfEmpty(now + _options.RefreshInterval)
                .Min();
            _state = new State(set, refreshAt);
            _lastOutage = null;
            return set;
        }
        catch (IdentityStoreUnavailableException e)
        {
            _lastOutage = e;
            throw;
        }
        finally
        {
            Interlocked.Increment(ref _finishedRefreshes);
        }
    }

    /// <summary>The newest key that has started signing; every replica picks the same one from the same set.</summary>
    private static SigningKeyRecord? PickActive(List<SigningKeyRecord> records, DateTimeOffset now) =>
        records.Where(r => r.ActivatesAt <= now)
            .OrderByDescending(r => r.ActivatesAt)
            .ThenByDescending(r => r.KeyId, StringComparer.Ordinal)
            .FirstOrDefault();

    private async Task<bool> KeepAsync(SigningKeyRecord record, List<SigningKeyRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var successor = records
            .Where(r => r.ActivatesAt <= now && (r.ActivatesAt > record.ActivatesAt
                || (r.ActivatesAt == record.ActivatesAt && string.CompareOrdinal(r.KeyId, record.KeyId) > 0)))
            .OrderBy(r => r.ActivatesAt)
            .FirstOrDefault();
        if (successor is null || now < successor.ActivatesAt + _maxTokenLifetime + RetentionGrace)
        {
            return true;
        }

        await _store.RemoveKeyAsync(record.KeyId, cancellationToken).ConfigureAwait(false);
        _loaded.Remove(record.KeyId);
        IdentityLog.KeyRemoved(_logger, record.KeyId);
        return false;
    }

    private async Task<SigningKeyRecord> AddAsync(DateTimeOffset now, DateTimeOffset activatesAt, CancellationToken cancellationToken)
    {
        var key = SigningKey.Create(_options.Algorithm, now, activatesAt);
        await _store.AddKeyAsync(key.Record, cancellationToken).ConfigureAwait(false);
        _loaded[key.KeyId] = key;
        IdentityLog.KeyCreated(_logger, key.KeyId, key.Algorithm, activatesAt);
        return key.Record;
    }

    private SigningKey LoadCached(SigningKeyRecord record)
    {
        if (!_loaded.TryGetValue(record.KeyId, out var key))
        {
            key = SigningKey.Load(record);
            _loaded[record.KeyId] = key;
        }

        return key;
    }

    private sealed record State(SigningKeySet Keys, DateTimeOffset RefreshAt);
}
