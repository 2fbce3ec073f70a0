using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.RateLimiting;

/// <summary>
/// Counts failed client authentications in fixed windows per client id and per remote address. Only
/// callers over a limit are refused, and only on the slow verification path, so one client's failures
/// never slow another client that authenticates correctly.
/// </summary>
internal sealed class FailedAuthenticationLimiter
{
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly IdentityRateLimitOptions _options;
    private readonly TimeProvider _time;

    public FailedAuthenticationLimiter(IOptions<IdentityOptions> options, TimeProvider time)
    {
        _options = options.Value.RateLimiting;
        _time = time;
    }

    /// <summary>When the caller is over a limit, how long until it may try again.</summary>
    public TimeSpan? RetryAfter(string clientId, string remoteAddress)
    {
        var now = _time.GetUtcNow();
        var byClient = Blocked("c:" + clientId, _options.FailuresPerClient, now);
        var byAddress = Blocked("a:" + remoteAddress, _options.FailuresPerAddress, now);
        return byClient is null ? byAddress : byAddress is null ? byClient : (byClient > byAddress ? byClient : byAddress);
    }

    /// <summary>A failed authentication of the client named (a wrong secret, or an assertion its own key signed): counts toward the client's limit and the address's.</summary>
    public void RecordFailure(string clientId, string remoteAddress)
    {
        var now = SweptNow();
        Count("c:" + clientId, now);
        Count("a:" + remoteAddress, now);
    }

    /// <summary>
    /// A failure whose client id nobody vouched for and whose credential cannot be guessed (an unsigned
    /// or foreign-signed client assertion): it counts toward the remote address only, so that anyone
    /// naming a client cannot lock that client out.
    /// </summary>
    public void RecordAddressFailure(string remoteAddress) => Count("a:" + remoteAddress, SweptNow());

    /// <summary>The current time, after dropping lapsed windows once there are many.</summary>
    private DateTimeOffset SweptNow()
    {
        var now = _time.GetUtcNow();
        if (_windows.Count > SweepThreshold)
        {
            Sweep(now);
        }

        return now;
    }

    private TimeSpan? Blocked(string key, int limit, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            return null;
        }

        lock (window)
        {
            var end = window.Start + _options.Window;
            return now < end && window.Failures >= limit ? end - now : null;
        }
    }

    private void Count(string key, DateTimeOffset now)
    {
        var window = _windows.GetOrAdd(key, _ => new Window { Start = now });
        lock (window)
        {
            if (now >= window.Start + _options.Window)
            {
                window.Start = now;
                window.Failures = 0;
            }

            window.Failures++;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (now >= window.Start + _options.Window)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public int Failures { get; set; }
    }
}
