using System.Globalization;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using CommerceGateway.Adapters;
using CommerceGateway.Adapters.State;
using CommerceGateway.Gateway.Tests.GraphQL;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace CommerceGateway.Gateway.Tests.Operations;

public sealed class MetricsTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private const string EchoRoute = "/partners/echo/{**rest}";
    private const string Requests = "http_server_request_duration_seconds_count";

    [Fact]
    public async Task Metrics_AfterRequestsTokensAnd429s_CountEachByRouteAndStatus()
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
        // ASP.NET Core's own request meter, by method, route template and status code.
        Assert.Equal(2, metrics.Value(Requests, ("http_request_method", "GET"), ("http_route", EchoRoute), ("http_response_status_code", "200")));
        Assert.Equal(1, metrics.Value(Requests, ("http_request_method", "GET"), ("http_route", EchoRoute), ("http_response_status_code", "429")));
        Assert.Equal(1, metrics.Value(Requests, ("http_request_method", "GET"), ("http_route", "/healthz"), ("http_response_status_code", "200")));
        Assert.Equal(1, metrics.Value(Requests, ("http_route", "/oauth/token"), ("http_response_status_code", "401")));
        Assert.Equal(1, metrics.Value(Requests, ("http_route", "/oauth/token"), ("http_response_status_code", "429")));
        Assert.Equal(1, metrics.Value("http_server_request_duration_seconds_bucket", ("http_route", "/healthz"), ("le", "+Inf")));
        // No endpoint matched: no route label, so random paths make no series of their own.
        var unmatched = Assert.Single(metrics.Samples, s => s.Name == Requests && s.Has(("http_response_status_code", "404")));
        Assert.False(unmatched.Labels.ContainsKey("http_route"));
        Assert.Equal(1, unmatched.Value);
        Assert.Equal("histogram", metrics.Types["http_server_request_duration_seconds"]);
        // The partner limiter's rejection (ASP.NET Core's rate-limiting meter) and the identity service's own counters.
        Assert.Equal(1, metrics.Value("aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_policy", "partner"), ("aspnetcore_rate_limiting_result", "endpoint_limiter")));
        Assert.Equal(2, metrics.Value("aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_policy", "partner"), ("aspnetcore_rate_limiting_result", "acquired")));
        Assert.Equal(1, metrics.Value("commerce_identity_tokens_issued_total", ("client_id", DemoClients.PartnerId), ("otel_scope_name", IdentityMeter.Name)));
        Assert.Equal(1, metrics.Value("commerce_identity_authentication_throttled_total"));
        Assert.Equal("counter", metrics.Types["commerce_identity_tokens_issued_total"]);
        // YARP's calls to the sandbox (HttpClient's meter) and the runtime's meter.
        Assert.True(metrics.Value("http_client_request_duration_seconds_count", ("server_port", sandbox.Port.ToString(CultureInfo.InvariantCulture)), ("http_response_status_code", "200")) >= 2);
        Assert.True(metrics.Value("dotnet_gc_heap_total_allocated_bytes_total", ("otel_scope_name", "System.Runtime")) > 0);
        Assert.True(metrics.Value("dotnet_process_cpu_time_seconds_total", ("cpu_mode", "user")) > 0);
    }

    [Fact]
    public async Task Metrics_AfterAPartnerRequest_LeaveUndocumentedPerRequestInstrumentsUnmeasured()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox));
        using var partner = await PartnerGateway.PartnerClientAsync(app);
        using (var response = await partner.GetAsync(new Uri("/partners/echo/item", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // This listener enables nothing itself: it only sees which of the host's instruments someone measures.
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        var instruments = new List<Instrument>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    lock (instruments)
                    {
                        instruments.Add(instrument);
                    }
                }
            };
            listener.Start();
        }

        var metrics = await Operations.MetricsAsync(app);

        bool Enabled(string name) => Assert.Single(instruments, i => i.Name == name).Enabled;
        Assert.True(Enabled("http.server.request.duration"));
        Assert.True(Enabled("aspnetcore.rate_limiting.requests"));
        Assert.False(Enabled("http.server.active_requests"));
        Assert.False(Enabled("aspnetcore.routing.match_attempts"));
        Assert.False(Enabled("aspnetcore.authentication.authenticate.duration"));
        // Partner requests no longer reach ASP.NET Core's authorization service, which creates this one.
        Assert.DoesNotContain(instruments, i => i.Name == "aspnetcore.authorization.attempts" && i.Enabled);
        Assert.False(Enabled("aspnetcore.rate_limiting.request_lease.duration"));
        Assert.False(Enabled("aspnetcore.rate_limiting.active_request_leases"));
        Assert.DoesNotContain(instruments, i => i.Name.StartsWith("aspnetcore.memory_pool.rented", StringComparison.Ordinal) && i.Enabled);
        Assert.Equal(1, metrics.Value(Requests, ("http_route", EchoRoute), ("http_response_status_code", "200")));
        Assert.Equal(1, metrics.Value("aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_policy", "partner"), ("aspnetcore_rate_limiting_result", "acquired")));
        Assert.True(metrics.Value("http_client_request_duration_seconds_count", ("server_port", sandbox.Port.ToString(CultureInfo.InvariantCulture))) >= 1);
        string[] dropped =
        [
            "http_server_active_requests", "http_client_active_requests", "aspnetcore_routing_match_attempts_total",
            "aspnetcore_authentication_authenticate_duration_seconds_count", "aspnetcore_authorization_attempts_total",
            "aspnetcore_rate_limiting_request_lease_duration_seconds_count", "aspnetcore_rate_limiting_active_request_leases",
            "aspnetcore_memory_pool_rented_bytes_total", "aspnetcore_memory_pool_pooled_bytes",
        ];
        Assert.Empty(metrics.Samples.Where(s => dropped.Contains(s.Name)).Select(s => s.Name).Distinct());
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

        var call = Assert.Single(metrics.Samples, s => s.Name == "commerce_adapter_calls_total" && s.Has(("channel", "orderflow-demo")));
        Assert.Equal("success", call.Labels["outcome"]);
        Assert.Equal(1, call.Value);
        // Our seconds histograms get bounds in seconds, not OpenTelemetry's millisecond defaults.
        var bounds = metrics.Samples.Where(s => s.Name == "commerce_adapter_duration_seconds_bucket" && s.Has(("channel", "orderflow-demo"))).Select(s => s.Labels["le"]);
        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"], bounds);
        Assert.Equal(1, metrics.Value("commerce_adapter_duration_seconds_count", ("channel", "orderflow-demo")));
        Assert.True(metrics.Value("http_client_request_duration_seconds_count", ("server_port", sandbox.Port.ToString(CultureInfo.InvariantCulture)), ("http_request_method", "POST")) >= 1);
        Assert.Equal(1, metrics.Value("commercegateway_seat_holds_total", ("outcome", "acquired")));
        Assert.Equal(1, metrics.Value("commercegateway_seat_holds_total", ("outcome", "refused")));
        Assert.Equal(1, metrics.Value("commercegateway_seat_holds_total", ("outcome", "released")));
    }

    [Fact]
    public async Task Metrics_AfterAGraphQLQuery_CountTheOperationByTypeAndOutcome()
    {
        using var host = new CommerceGatewayHost(sandbox);
        using var api = host.Browser();

        var data = await api.DataAsync("{ __typename }");
        var metrics = await Operations.MetricsAsync(host.App);

        Assert.Equal("Query", data.GetProperty("__typename").GetString());
        // The engine's meter is static (executors live outside any container), so other hosts' operations may add to it.
        Assert.True(metrics.Value("graphql_server_operations_total", ("operation_type", "query"), ("outcome", "success")) >= 1);
        Assert.True(metrics.Value("graphql_server_operation_duration_seconds_bucket", ("operation_type", "query"), ("outcome", "success"), ("le", "10")) >= 1);
        Assert.Equal(1, metrics.Value(Requests, ("http_route", "/graphql"), ("http_response_status_code", "200")));
    }

    [Fact]
    public async Task Metrics_OfTwoGatewaysInOneProcess_CountOnlyTheirOwnRequests()
    {
        using var quiet = new GatewayApp();
        using var busy = new GatewayApp();
        using var quietClient = quiet.CreateHttpClient();
        using var busyClient = busy.CreateHttpClient();
        for (var i = 0; i < 3; i++)
        {
            (await busyClient.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        }

        (await quietClient.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();

        var quietMetrics = await Operations.MetricsAsync(quiet);
        var busyMetrics = await Operations.MetricsAsync(busy);

        Assert.Equal(1, quietMetrics.Value(Requests, ("http_route", "/healthz")));
        Assert.Equal(3, busyMetrics.Value(Requests, ("http_route", "/healthz")));
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
        using var unknown = await publicClient.GetAsync(new Uri("/no/such/path", UriKind.Relative));

        using var onPublic = await publicClient.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var onManagement = await managementClient.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        // The same answer as a path that does not exist: nothing tells a partner the endpoint is there.
        Assert.Equal(WithoutTraceId(await unknown.Content.ReadAsStringAsync()), WithoutTraceId(await onPublic.Content.ReadAsStringAsync()));
        Assert.Equal(unknown.Content.Headers.ContentType, onPublic.Content.Headers.ContentType);
        Assert.Equal(HttpStatusCode.OK, onManagement.StatusCode);
        var metrics = PrometheusExposition.Parse(await onManagement.Content.ReadAsStringAsync());
        Assert.Equal(1, metrics.Value(Requests, ("http_route", "/metrics"), ("http_response_status_code", "404")));
    }

    [Fact]
    public async Task Metrics_Disabled_Is404AndNoMeterProviderRuns()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["Gateway:Metrics:Enabled"] = "false" });
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    /// <summary>A ProblemDetails body without its per-request <c>traceId</c>.</summary>
    private static string WithoutTraceId(string problem)
    {
        var json = JsonNode.Parse(problem)!.AsObject();
        Assert.True(json.Remove("traceId"));
        return json.ToJsonString();
    }
}
