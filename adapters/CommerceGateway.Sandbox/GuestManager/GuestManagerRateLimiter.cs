using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// The documented limit of 300 requests a minute per client IP (both configurable): a sliding
/// window of request times per IP. Past the limit the answer is 429 with <c>Retry-After</c>, the
/// whole seconds until the oldest request leaves the window. Refused requests are not counted.
/// </summary>
internal sealed class GuestManagerRateLimiter(GuestManagerSandboxSettings settings, TimeProvider time) : IEndpointFilter
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _byIp = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var ip = (context.HttpContext.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString();
        if (TryAcquire(ip) is { } retryAfter)
        {
            var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Json(
                new
                {
                    type = "rate_limited",
                    message = $"Rate limit of {settings.RateLimit} requests per {settings.RateLimitWindow.TotalSeconds:0.###} s exceeded; retry after {seconds} s.",
                    detail = new { retry_after = seconds },
                },
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        return await next(context);
    }

    /// <summary>Counts the request, or returns how long until one is allowed.</summary>
    private TimeSpan? TryAcquire(string ip)
    {
        var now = time.GetUtcNow();
        var window = settings.RateLimitWindow;
        var log = _byIp.GetOrAdd(ip, _ => new Queue<DateTimeOffset>());
        lock (log)
        {
            while (log.Count > 0 && log.Peek() <= now - window)
            {
                log.Dequeue();
            }

            if (log.Count >= settings.RateLimit)
            {
                return log.ElementAt(log.Count - settings.RateLimit) + window - now;
            }

            log.Enqueue(now);
            return null;
        }
    }
}
