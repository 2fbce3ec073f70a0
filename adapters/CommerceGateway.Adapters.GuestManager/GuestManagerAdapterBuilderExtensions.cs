using CommerceGateway.Adapters;
using CommerceGateway.Adapters.GuestManager;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the Guest Manager adapter.</summary>
public static class GuestManagerAdapterBuilderExtensions
{
    /// <summary>The adapter kind channels name in <c>Channels:{name}:Adapter</c>.</summary>
    public const string Kind = "guestmanager";

    /// <summary>
    /// Registers the <c>guestmanager</c> adapter kind: Guest-Manager-style ticket checkout over the
    /// public API v2. Channels need <c>Credentials:ApiKey</c>; their <c>BaseUrl</c> is the host root
    /// (the adapter adds <c>api/public/v2/</c>). Default capabilities: AttendeeNames, Forms, Resume,
    /// Shipping and DiscountCodes. Optional settings: <c>PaymentMethodId</c>, <c>RateLimitMaxWait</c>
    /// (default 00:00:05), <c>RateLimitRetries</c> (default 2), <c>PaymentPollWindow</c> (default
    /// 00:00:05), <c>PaymentPollInitialDelay</c> (default 00:00:00.250), <c>PaymentPollMaxDelay</c>
    /// (default 00:00:02). Safe to call twice.
    /// </summary>
    public static ICommerceAdapterBuilder AddGuestManagerAdapter(this ICommerceAdapterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAdapter<GuestManagerBackend>(Kind, options =>
        {
            options.DefaultCapabilities = GuestManagerBackend.Capabilities;
            options.RequiredCredentials.Add(GuestManagerSettings.ApiKeyCredential);
        });
    }
}
