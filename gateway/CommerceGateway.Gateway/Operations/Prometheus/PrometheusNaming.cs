using System.Diagnostics.Metrics;
using System.Text;

namespace CommerceGateway.Gateway.Operations.Prometheus;

/// <summary>
/// Maps our instruments to Prometheus names (snake_case, <c>commercegateway_</c> prefix, unit
/// suffix, <c>_total</c> on counters). The table names the instruments the dashboards rely on;
/// any other instrument of our meters gets the same rules applied to its own name.
/// </summary>
internal static class PrometheusNaming
{
    public const string Prefix = "commercegateway_";

    private static readonly Dictionary<string, PrometheusName> Known = new(StringComparer.Ordinal)
    {
        ["commercegateway.http.server.requests"] = new("commercegateway_http_server_requests_total"),
        ["commercegateway.http.server.request.duration"] = new("commercegateway_http_server_request_duration_seconds"),
        ["graphql.server.operations"] = new("commercegateway_graphql_operations_total"),
        ["graphql.server.operation.duration"] = new("commercegateway_graphql_operation_duration_seconds"),
        ["commerce.adapter.calls"] = new("commercegateway_adapter_calls_total"),
        ["commerce.adapter.duration"] = new("commercegateway_adapter_call_duration_seconds"),
        ["commercegateway.seat_holds"] = new("commercegateway_seat_holds_total"),
        ["commerce.identity.tokens_issued"] = new("commercegateway_tokens_issued_total"),
        ["commercegateway.rate_limit.rejections"] = new("commercegateway_rate_limit_rejections_total"),
        ["commerce.identity.authentication_throttled"] = new(
            "commercegateway_rate_limit_rejections_total",
            [new("limiter", "identity_failed_auth")]),
    };

    public static PrometheusName For(Instrument instrument)
    {
        if (Known.TryGetValue(instrument.Name, out var known))
        {
            return known;
        }

        var name = Sanitize(instrument.Name);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            name = Prefix + name;
        }

        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        if (IsCounter(instrument) && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return new PrometheusName(name);
    }

    public static bool IsCounter(Instrument instrument)
    {
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Counter<>);
    }

    public static bool IsHistogram(Instrument instrument)
    {
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Histogram<>);
    }

    /// <summary>A metric or label name: [a-zA-Z_][a-zA-Z0-9_]*, every other character an underscore.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? char.ToLowerInvariant(c) : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
