using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.GraphQL;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CommerceGateway.Gateway.Tests.Operations;

[Collection(TracingRunsAlone.Name)]
public sealed class TracingTests(RecordingSandboxServer sandbox) : IClassFixture<RecordingSandboxServer>
{
    private const string CorrelationIdTag = "commercegateway.correlation_id";

    [Fact]
    public async Task GraphQLPayment_WithAnOtlpEndpoint_IsOneTraceFromTheRequestThroughEveryBackendCall()
    {
        var spans = new SpanCollection();
        using var host = Gateway(spans, tracing: true);
        var (correlationId, paid) = await PayAsync(host);

        var server = await spans.WaitForAsync(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem(CorrelationIdTag) == correlationId);
        // The gateway's backend calls: children of its server span (the test's own call is that span's parent).
        var clients = spans.Snapshot().Where(s => s.Kind == ActivityKind.Client && s.ParentSpanId == server.SpanId).ToList();
        var arrived = sandbox.RequestsWith(correlationId);

        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Equal("Microsoft.AspNetCore", server.Source.Name);
        Assert.Equal("/graphql", server.GetTagItem("http.route"));
        Assert.NotEmpty(clients);
        Assert.All(clients, client =>
        {
            Assert.Equal(server.TraceId, client.TraceId);
            Assert.Equal(sandbox.Port, Port(client));
            Assert.Equal(correlationId, client.GetTagItem(CorrelationIdTag));
        });
        Assert.NotEmpty(arrived);
        Assert.All(arrived, request =>
        {
            Assert.NotNull(request.TraceParent);
            var parts = request.TraceParent.Split('-');
            Assert.Equal(server.TraceId.ToHexString(), parts[1]);
            Assert.Contains(clients, c => c.SpanId.ToHexString() == parts[2]);
        });
        Assert.Equal(clients.Count, arrived.Count);
    }

    [Fact]
    public async Task GraphQLPayment_WithoutAnOtlpEndpoint_RecordsNoSpanAndSendsNoTraceparent()
    {
        var spans = new SpanCollection();
        using var host = Gateway(spans, tracing: false);
        var (correlationId, paid) = await PayAsync(host);
        using var aspNetCore = new ActivitySource("Microsoft.AspNetCore");
        using var httpClient = new ActivitySource("System.Net.Http");

        Assert.Equal("PAID", paid.GetProperty("paymentStatus").GetString());
        Assert.Null(host.App.Services.GetService<TracerProvider>());
        Assert.False(aspNetCore.HasListeners());
        Assert.False(httpClient.HasListeners());
        var arrived = sandbox.RequestsWith(correlationId);
        Assert.NotEmpty(arrived);
        Assert.All(arrived, request => Assert.Null(request.TraceParent));
        Assert.Empty(spans.Snapshot());
    }

    [Fact]
    public async Task PartnerRoute_WithAnOtlpEndpoint_ForwardsTheTraceparentOfItsClientSpan()
    {
        const string CorrelationId = "partner-trace-probe";
        var spans = new SpanCollection();
        using var app = new GatewayApp(
            PartnerGateway.Settings(sandbox, new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = UnusedEndpoint() }),
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        using var partner = await PartnerGateway.PartnerClientAsync(app);
        partner.DefaultRequestHeaders.Add("X-Correlation-Id", CorrelationId);

        using var response = await partner.GetAsync(new Uri(PartnerGateway.EchoPrefix + "items/7", UriKind.Relative));
        using var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var server = await spans.WaitForAsync(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem(CorrelationIdTag) == CorrelationId);
        var client = Assert.Single(spans.Snapshot(), s => s.Kind == ActivityKind.Client && s.ParentSpanId == server.SpanId && Port(s) == sandbox.Port);
        var forwarded = echo.RootElement.GetProperty("headers").GetProperty("traceparent").GetString()!.Split('-');

        response.EnsureSuccessStatusCode();
        Assert.Equal("/partners/echo/{**rest}", server.GetTagItem("http.route"));
        Assert.Equal(["00", server.TraceId.ToHexString(), client.SpanId.ToHexString()], forwarded[..3]);
    }

    private CommerceGatewayHost Gateway(SpanCollection spans, bool tracing) => new(
        sandbox,
        settings: tracing ? new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = UnusedEndpoint() } : null,
        // Registered either way: without the endpoint there must be no provider for it to join.
        services: services => services.ConfigureOpenTelemetryTracerProvider(builder => builder.AddInMemoryExporter(spans)));

    /// <summary>A cart ready to pay, then the payment under its own correlation id (OrderFlow: invoice, payment, capture).</summary>
    private static async Task<(string CorrelationId, JsonElement Paid)> PayAsync(CommerceGatewayHost host)
    {
        using var api = await host.StorefrontAsync();
        var cartId = (await OrderFlowCheckoutTests.ReadyToPayAsync(api)).GetProperty("id").GetString()!;
        var correlationId = "pay-" + Guid.NewGuid().ToString("N");
        api.Http.DefaultRequestHeaders.Add("X-Correlation-Id", correlationId);
        var paid = await OrderFlowCheckoutTests.PayAsync(api, cartId, "tok_visa", OrderFlowCheckoutTests.NewKey());
        return (correlationId, paid);
    }

    private static int Port(Activity client) => Convert.ToInt32(client.GetTagItem("server.port"), CultureInfo.InvariantCulture);

    /// <summary>Spans go to the in-memory exporter; the OTLP exporter beside it finds nobody listening there.</summary>
    private static string UnusedEndpoint() => $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
}
