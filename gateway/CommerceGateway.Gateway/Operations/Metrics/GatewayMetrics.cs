using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>The gateway host's own instruments: HTTP requests, seat holds and rate-limit rejections.</summary>
internal sealed class GatewayMetrics
{
    public const string MeterName = "CommerceGateway.Gateway";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _seatHolds;
    private readonly Counter<long> _rateLimitRejections;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("commercegateway.http.server.requests", unit: "{request}", description: "HTTP requests served, by method, route template and status class.");
        _requestDuration = meter.CreateHistogram<double>("commercegateway.http.server.request.duration", unit: "s", description: "HTTP request duration, by method, route template and status class.");
        _seatHolds = meter.CreateCounter<long>("commercegateway.seat_holds", unit: "{operation}", description: "Seat-hold operations on the state store, by outcome (acquired, refused, released).");
        _rateLimitRejections = meter.CreateCounter<long>("commercegateway.rate_limit.rejections", unit: "{request}", description: "Requests refused by a rate limiter, by limiter.");
    }

    public void RequestCompleted(string method, string route, int statusCode, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "method", method },
            { "route", route },
            { "status_class", StatusClass(statusCode) },
        };
        _requests.Add(1, tags);
        _requestDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void SeatHold(string outcome) => _seatHolds.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RateLimitRejected(string limiter) => _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("limiter", limiter));

    private static string StatusClass(int statusCode) => statusCode switch
    {
        >= 100 and < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        < 600 => "5xx",
        _ => "other",
    };
}
