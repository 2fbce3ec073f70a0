using System.Diagnostics;
using OpenTelemetry.Trace;

namespace CommerceGateway.Gateway.Operations.Telemetry;

/// <summary>
/// Traces: a server span per request (ASP.NET Core), a client span per backend call (HttpClient, the
/// adapters' and YARP's), W3C <c>traceparent</c> on every backend request, exported over OTLP.
/// </summary>
internal static class OtlpTracing
{
    /// <summary>The span attribute that carries the request's correlation id (<c>X-Correlation-Id</c>).</summary>
    public const string CorrelationIdTag = "commercegateway.correlation_id";

    /// <summary>
    /// On when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or the traces-only <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>)
    /// is set, as an environment variable or any other configuration source; the OTLP exporter reads
    /// the same keys, and the other <c>OTEL_*</c> variables (protocol, headers, sampler) as documented there.
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);

    public static void AddTracing(TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = TagCorrelationId)
        .AddOtlpExporter();

    /// <summary>
    /// The backend request carries the correlation id (the adapters' handler and YARP copy it), so
    /// the client span can be found by it in a backend's trace view too.
    /// </summary>
    private static void TagCorrelationId(Activity activity, HttpRequestMessage request)
    {
        if (request.Headers.TryGetValues(CorrelationId.HeaderName, out var values))
        {
            activity.SetTag(CorrelationIdTag, values.FirstOrDefault());
        }
    }
}
