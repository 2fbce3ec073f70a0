using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using CommerceGateway.Adapters;
using CommerceGateway.Adapters.State;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.Operations;

public sealed class MetricsTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private const string EchoRoute = "/partners/echo/{**rest}";

    [Fact]
    public async Task Metrics_AfterRequestsTokensAnd429s_CountEachWithItsLabels()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox, new Dictionary<string, string?>
        {
            ["Gateway:Partners:PermitLimit"] = "2",
            ["Gateway:Partners:Window"] = "00:01:00",
            ["Identity:RateLimiting:FailuresPerClient"] = "1",
        }));
        using var partner = await PartnerGateway.PartnerClientAsync(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await partner.GetAsync(new Uri($"/partners/echo/item-{i}", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var anonymous = app.CreateHttpClient();
        (await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        (await anonymous.GetAsync(new Uri("/no/such/path", UriKind.Relative))).Dispose();
        var throttled = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = DemoClients.PartnerId,
                ["client_secret"] = "wrong-secret",
            });
            using var response = await anonymous.PostAsync(new Uri("/oauth/token", UriKind.Relative), form);
            throttled.Add(response.StatusCode);
        }

        var metrics = await Operations.MetricsAsync(app);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], throttled);
        Assert.Equal(2, metrics.Value("commercegateway_http_server_requests_total", ("method", "GET"), ("route", EchoRoute), ("status_class", "2xx")));
        Assert.Equal(1, metrics.Value("commercegateway_http_server_requests_total", ("method", "GET"), ("route", EchoRoute), ("status_class", "4xx")));
        Assert.Equal(1, metrics.Value("commercegateway_http_server_requests_total", ("method", "GET"), ("route", "/healthz"), ("status_class", "2xx")));
        Assert.Equal(1, metrics.Value("commercegateway_http_server_requests_total", ("method", "GET"), ("route", "unmatched"), ("status_class", "4xx")));
        Assert.Equal(3, metrics.Value("commercegateway_http_server_requests_total", ("method", "POST"), ("route", "/oauth/token"), ("status_class", "4xx")) + metrics.Value("commercegateway_http_server_requests_total", ("method", "POST"), ("route", "/oauth/token"), ("status_class", "2xx")));
        Assert.Equal(1, metrics.Value("commercegateway_http_server_request_duration_seconds_count", ("method", "GET"), ("route", "/healthz"), ("status_class", "2xx")));
        Assert.Equal(1, metrics.Value("commercegateway_http_server_request_duration_seconds_bucket", ("le", "+Inf"), ("method", "GET"), ("route", "/healthz"), ("status_class", "2xx")));
        Assert.Equal(1, metrics.Value("commercegateway_tokens_issued_total", ("client_id", DemoClients.PartnerId)));
        Assert.Equal(1, metrics.Value("commercegateway_rate_limit_rejections_total", ("limiter", "partner")));
        Assert.Equal(1, metrics.Value("commercegateway_rate_limit_rejections_total", ("limiter", "identity_failed_auth")));
        Assert.Equal("counter", metrics.Types["commercegateway_http_server_requests_total"]);
        Assert.Equal("histogram", metrics.Types["commercegateway_http_server_request_duration_seconds"]);
    }

    [Fact]
    public async Task Metrics_AfterAdapterCallsAndSeatHolds_CountThemByChannelAndOutcome()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox));
        using var client = app.CreateHttpClient();
        var backend = app.Services.GetRequiredService<IChannelRegistry>().GetCommerceBackend("orderflow-demo");
        await backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), Operations.Bounded);
        var holds = app.Services.GetRequiredService<ISeatHoldStore>();
        Assert.True((await holds.AcquireAsync("cart-a", ["seat-1"], TimeSpan.FromMinutes(1), Operations.Bounded)).Acquired);
        Assert.False((await holds.AcquireAsync("cart-b", ["seat-1"], TimeSpan.FromMinutes(1), Operations.Bounded)).Acquired);
        await holds.ReleaseAsync("cart-a", null, Operations.Bounded);

        var metrics = await Operations.MetricsAsync(app);

        var call = Assert.Single(metrics.Samples, s => s.Name == "commercegateway_adapter_calls_total" && s.Labels["channel"] == "orderflow-demo");
        Assert.Equal("success", call.Labels["outcome"]);
        Assert.Equal(1, call.Value);
        Assert.Contains(metrics.Samples, s => s.Name == "commercegateway_adapter_call_duration_seconds_count" && s.Labels["channel"] == "orderflow-demo");
        Assert.Equal(1, metrics.Value("commercegateway_seat_holds_total", ("outcome", "acquired")));
        Assert.Equal(1, metrics.Value("commercegateway_seat_holds_total", ("outcome", "refused")));
        Assert.Equal(1, metrics.Value("commercegateway_seat_holds_total", ("outcome", "released")));
    }

    [Fact]
    public async Task Metrics_LabelValuesWithQuotesBackslashesAndNewlines_AreEscapedAndParseBack()
    {
        using var app = new GatewayApp();
        using var client = app.CreateHttpClient();
        using var meter = app.Services.GetRequiredService<IMeterFactory>().Create("CommerceGateway.Tests");
        var counter = meter.CreateCounter<long>("escaping.probe", description: "A help text with a \\ backslash\nand a newline.");
        const string Awkward = "say \"hi\" \\ then\nbreak";

        counter.Add(2, new KeyValuePair<string, object?>("value", Awkward));
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var metrics = PrometheusExposition.Parse(text);

        Assert.Contains("commercegateway_escaping_probe_total{value=\"say \\\"hi\\\" \\\\ then\\nbreak\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP commercegateway_escaping_probe_total A help text with a \\\\ backslash\\nand a newline.\n", text, StringComparison.Ordinal);
        Assert.Equal(2, metrics.Value("commercegateway_escaping_probe_total", ("value", Awkward)));
    }

    [Fact]
    public async Task Metrics_WithAManagementPort_AreServedThereAndAre404OnThePublicPort()
    {
        var managementPort = FreePort.Next();
        using var app = new GatewayApp(
            new Dictionary<string, string?> { ["Gateway:Metrics:Port"] = managementPort.ToString(CultureInfo.InvariantCulture) },
            services: services => services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(IPAddress.Loopback, managementPort)));
        using var publicClient = app.CreateHttpClient();
        using var managementClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/") };

        using var onPublic = await publicClient.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var onManagement = await managementClient.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onManagement.StatusCode);
        PrometheusExposition.Parse(await onManagement.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_Disabled_Is404()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["Gateway:Metrics:Enabled"] = "false" });
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
