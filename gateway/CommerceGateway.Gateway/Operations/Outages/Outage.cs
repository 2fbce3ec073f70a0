using System.Globalization;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Operations.Outages;

/// <summary>
/// A dependency without which a request can be neither checked nor served, as every entry point answers it:
/// 503 with <c>Retry-After</c> and a stable code, never a 401 that would make the client drop a good token.
/// </summary>
internal sealed record Outage(string Code, string Message, TimeSpan RetryAfter)
{
    /// <summary>The stable code of an unreadable external authority.</summary>
    public const string IdentityAuthorityCode = "IDENTITY_AUTHORITY_UNAVAILABLE";

    /// <summary>The state store is down or stalled.</summary>
    public static Outage StateStore { get; } = new(StateStoreOutage.Code, StateStoreOutage.Message, StateStoreOutage.RetryAfter);

    /// <summary>The external authority's metadata or keys cannot be read, so no bearer token can be checked.</summary>
    public static Outage IdentityAuthority { get; } = new(
        IdentityAuthorityCode,
        "The identity service that issues this gateway's tokens cannot be reached to check the token; retry shortly.",
        TimeSpan.FromSeconds(5));

    /// <summary>The value of the <c>Retry-After</c> header, in seconds.</summary>
    public string RetryAfterHeader => ((long)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>The outage <paramref name="exception"/> reports, or null when it reports none.</summary>
    public static Outage? Of(Exception? exception)
    {
        if (StateStoreOutage.IsOutage(exception))
        {
            return StateStore;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IdentityAuthorityUnavailableException)
            {
                return IdentityAuthority;
            }
        }

        return null;
    }
}
