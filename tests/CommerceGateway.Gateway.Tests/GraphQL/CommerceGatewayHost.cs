using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A real gateway (Kestrel on loopback) whose demo channels for the five protocols (and the template adapter's ExampleShop) point at a real
/// sandbox over HTTP; with <c>redis</c>, its state lives in that Redis so several hosts act as replicas.
/// </summary>
public sealed class CommerceGatewayHost : IDisposable
{
    public const string PublishableKey = "pk_test_storefront_0123456789";
    public const string OrderFlow = "orderflow-demo";
    public const string Livescale = "livescale-demo";
    public const string Booking = "booking-demo";
    public const string GuestManager = "guestmanager-demo";
    public const string Spendgo = "spendgo-demo";
    public const string Example = "example-demo";
    public const string LoyaltyDemo = "loyalty-demo";
    private const string StorefrontScopes = "catalog:read cart:write checkout:write";

    public CommerceGatewayHost(SandboxServer sandbox, string? redis = null, string keyPrefix = "gql:", IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"GraphQL:PublishableKeys:{PublishableKey}"] = "storefront-web",
            ["StateStore:KeyPrefix"] = keyPrefix,
        };
        foreach (var (channel, protocol) in new[] { (OrderFlow, "orderflow"), (Livescale, "livescale"), (Booking, "booking"), (GuestManager, "guestmanager"), (Spendgo, "spendgo"), (Example, "example"), (LoyaltyDemo, "example") })
        {
            all[$"Channels:{channel}:BaseUrl"] = sandbox.ProtocolUrl(protocol).ToString();
        }

        all["Channels:guestmanager-demo:Settings:PaymentPollInitialDelay"] = "00:00:00.020";
        all["Channels:guestmanager-demo:Settings:PaymentPollMaxDelay"] = "00:00:00.160";
        if (redis is not null)
        {
            all["ConnectionStrings:Redis"] = redis;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        App = new GatewayApp(all, services: services);
    }

    public GatewayApp App { get; }

    /// <summary>A storefront server (bearer token with every storefront scope).</summary>
    public async Task<CommerceApi> StorefrontAsync(string clientId = DemoClients.StorefrontId, string secret = DemoClients.StorefrontSecret) =>
        new(App.CreateAuthorizedClient(await App.GetTokenAsync(clientId, secret, StorefrontScopes)));

    /// <summary>A browser front-end with the publishable key.</summary>
    public CommerceApi Browser()
    {
        var http = App.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Storefront-Key", PublishableKey);
        return new CommerceApi(http);
    }

    public void Dispose() => App.Dispose();
}
