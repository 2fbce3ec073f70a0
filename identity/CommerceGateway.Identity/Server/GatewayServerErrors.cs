using CommerceGateway.Identity.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>The answers our handlers give that OpenIddict has no built-in for.</summary>
internal static class GatewayServerErrors
{
    /// <summary>
    /// A store outage: RFC 6749's <c>temporarily_unavailable</c>, answered with 503 and <c>Retry-After</c>
    /// (<see cref="GatewayResponseHeaders{TContext}"/>). Nothing was issued or revoked; the request can be repeated as it is.
    /// </summary>
    public static void RejectOutage(BaseValidatingContext context, IdentityStoreUnavailableException outage)
    {
        IdentityLog.StoreUnavailable(context.Logger, context.RequestUri?.AbsolutePath ?? string.Empty, outage.Message);
        context.Transaction.SetRetryAfter(StoreOutage.RetryAfter);
        context.Reject(
            error: OpenIddictConstants.Errors.TemporarilyUnavailable,
            description: "The authorization server cannot reach its store; retry shortly with the same request.");
    }
}
