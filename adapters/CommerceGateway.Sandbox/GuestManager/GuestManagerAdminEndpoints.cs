namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// Sandbox-only switch (no auth, like the fault admin API) under <c>/guestmanager/_admin/</c>:
/// the per-IP rate limit, so a load test from one loopback address is not throttled at the
/// documented 300 requests a minute when it runs the sandbox in a process of its own.
/// </summary>
internal static class GuestManagerAdminEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/_admin/rate-limit", (RateLimitChange body, GuestManagerSandboxSettings settings) =>
        {
            if (body.Limit <= 0 || body.WindowSeconds <= 0)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "limit and windowSeconds must be positive.");
            }

            settings.RateLimit = body.Limit;
            settings.RateLimitWindow = TimeSpan.FromSeconds(body.WindowSeconds);
            return Results.Json(new { limit = settings.RateLimit, windowSeconds = settings.RateLimitWindow.TotalSeconds });
        });

    /// <summary>The new limit: <see cref="Limit"/> requests per <see cref="WindowSeconds"/>.</summary>
    internal sealed record RateLimitChange(int Limit, double WindowSeconds);
}
