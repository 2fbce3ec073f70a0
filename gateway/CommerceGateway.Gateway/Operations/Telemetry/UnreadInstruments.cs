namespace CommerceGateway.Gateway.Operations.Telemetry;

/// <summary>
/// ASP.NET Core's and HttpClient's instruments that record on every request yet give no series the
/// product documents, or only repeat one it does (<c>http.server.request.duration</c> already counts
/// requests by route and status, rejections by the rate limiter, 401s and 403s included). Once the
/// meter provider listens, each measurement costs a tag lookup in an aggregator; a dropped instrument
/// is never enabled, so its owner skips the measurement altogether.
/// </summary>
internal static class UnreadInstruments
{
    private static readonly HashSet<(string Meter, string Instrument)> Dropped =
    [
        ("Microsoft.AspNetCore.Hosting", "http.server.active_requests"),
        ("Microsoft.AspNetCore.Routing", "aspnetcore.routing.match_attempts"),
        ("Microsoft.AspNetCore.Authentication", "aspnetcore.authentication.authenticate.duration"),
        ("Microsoft.AspNetCore.Authorization", "aspnetcore.authorization.attempts"),
        ("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.active_request_leases"),
        ("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.request_lease.duration"),
        ("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.queued_requests"),
        ("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.request.time_in_queue"),
        ("System.Net.Http", "http.client.active_requests"),
        // Kestrel rents and returns pool blocks for every read and write; allocations and evictions stay.
        ("Microsoft.AspNetCore.MemoryPool", "aspnetcore.memory_pool.rented"),
        ("Microsoft.AspNetCore.MemoryPool", "aspnetcore.memory_pool.pooled"),
    ];

    public static bool Contains(string meter, string instrument) => Dropped.Contains((meter, instrument));
}
