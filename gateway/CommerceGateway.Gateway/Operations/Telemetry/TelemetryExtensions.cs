using System.Diagnostics.Metrics;
using CommerceGateway.Gateway.Operations.Metrics;
using CommerceGateway.Gateway.Operations.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Metrics and traces on OpenTelemetry. Metrics of our meters, ASP.NET Core's, HttpClient's and the
/// runtime's are served at <c>/metrics</c> by the Prometheus exporter. Traces are exported over OTLP
/// only when an OTLP endpoint is configured; without one no tracer provider exists, so nothing
/// listens to ASP.NET Core's or HttpClient's activity sources and neither creates activities.
/// </summary>
internal static class TelemetryExtensions
{
    /// <summary>The resource's <c>service.name</c> (the deployment's name); <c>OTEL_SERVICE_NAME</c> overrides it.</summary>
    public const string ServiceName = "commercegateway";

    /// <summary>Every meter of ours: CommerceGateway.Gateway, .Identity, .GraphQL, .Adapters and any added later.</summary>
    public const string OwnMeters = "CommerceGateway.*";

    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var metrics = configuration.GetSection(GatewayMetricsOptions.SectionName).Get<GatewayMetricsOptions>() ?? new GatewayMetricsOptions();
        var tracing = OtlpTracing.IsConfigured(configuration);
        if (!metrics.Enabled && !tracing)
        {
            return services;
        }

        // Added last, so the environment's OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over our default name.
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName).AddEnvironmentVariableDetector());
        if (metrics.Enabled)
        {
            telemetry.WithMetrics(AddMetrics);
            services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
                metrics.AddView(new HostInstrumentsView(provider.GetRequiredService<IMeterFactory>()).Select));
        }

        if (tracing)
        {
            telemetry.WithTracing(OtlpTracing.AddTracing);
        }

        return services;
    }

    private static void AddMetrics(MeterProviderBuilder metrics) => metrics
        .AddMeter(OwnMeters)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddRuntimeInstrumentation()
        // Only operators reach the endpoint, so there is no scrape storm to absorb: every scrape is fresh.
        .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
}
