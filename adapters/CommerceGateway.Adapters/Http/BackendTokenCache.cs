namespace CommerceGateway.Adapters;

/// <summary>
/// Caches one backend access token per channel. Concurrent callers share a single fetch; the token
/// is renewed shortly before it expires, and <see cref="Invalidate"/> after a 401 forces a new one.
/// </summary>
public sealed class BackendTokenCache : IDisposable
{
    private static readonly TimeSpan RenewMargin = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>Creates an empty cache.</summary>
    public BackendTokenCache(TimeProvider time) => _time = time;

    /// <summary>
    /// The cached token, or a new one from <paramref name="fetch"/>, which returns the token and its
    /// lifetime. A token is never logged by the cache.
    /// </summary>
    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (Current() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var (token, lifetime) = await fetch(cancellationToken);
            var margin = lifetime > RenewMargin * 2 ? RenewMargin : lifetime / 2;
            _renewAt = _time.GetUtcNow() + lifetime - margin;
            _token = token;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> if it is still the cached one (a 401 showed it is no longer valid).</summary>
    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private string? Current()
    {
        var token = Volatile.Read(ref _token);
        return token is not null && _time.GetUtcNow() < _renewAt ? token : null;
    }
}
