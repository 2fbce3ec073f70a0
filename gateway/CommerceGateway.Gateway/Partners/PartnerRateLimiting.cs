using System.Globalization;
using System.Threading.RateLimiting;
using CommerceGateway.Gateway.Composition;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// One fixed window per client id across every partner route, so one partner's burst never takes
/// another's share. Rejections are 429 ProblemDetails with Retry-After.
/// </summary>
internal static class PartnerRateLimiting
{
    public static IServiceCollection AddPartnerRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(PartnerRoutes.RateLimiterPolicy, context =>
            {
                // Authorization runs first, so every request here carries a validated client id.
                var clientId = PartnerGrants.Of(context.User).ClientId ?? string.Empty;
                var partners = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.Partners;
                return RateLimitPartition.Get(clientId, PartnerWindows.For(partners).Create);
            });
        });
        return services;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client sent more requests than its partner rate limit allows; retry after {seconds} s.",
            },
        }).ConfigureAwait(false);
    }
}
