using System.Threading.RateLimiting;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Makes a client's fixed window from the partner settings it was created for. The rate limiter
/// asks for a partition on every partner request; one instance per settings object lets it reuse a
/// single delegate instead of allocating two closures per request. A reload brings a new settings
/// object, so windows created after it use the new limits (existing windows keep theirs, as before).
/// </summary>
internal sealed class PartnerWindows
{
    private static PartnerWindows? s_latest;
    private readonly PartnerOptions _partners;

    private PartnerWindows(PartnerOptions partners)
    {
        _partners = partners;
        Create = _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = _partners.PermitLimit,
            Window = _partners.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public Func<string, RateLimiter> Create { get; }

    public static PartnerWindows For(PartnerOptions partners)
    {
        var latest = Volatile.Read(ref s_latest);
        if (latest is not null && ReferenceEquals(latest._partners, partners))
        {
            return latest;
        }

        // Hosts in one process (tests) each have their own settings: the last one asked for is kept.
        latest = new PartnerWindows(partners);
        Volatile.Write(ref s_latest, latest);
        return latest;
    }
}
