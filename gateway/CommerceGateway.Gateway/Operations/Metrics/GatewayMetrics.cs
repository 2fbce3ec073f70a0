using System.Diagnostics.Metrics;

namespace CommerceGateway.Gateway.Operations.Metrics;

/// <summary>
/// The gateway host's own instruments: seat holds. Requests and rate-limit rejections are counted
/// by ASP.NET Core's own meters (<c>http.server.request.duration</c>, <c>aspnetcore.rate_limiting.requests</c>).
/// </summary>
internal sealed class GatewayMetrics
{
    public const string MeterName = "CommerceGateway.Gateway";

    private readonly Counter<long> _seatHolds;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _seatHolds = meter.CreateCounter<long>("commercegateway.seat_holds", unit: "{operation}", description: "Seat-hold operations on the state store, by outcome (acquired, refused, released).");
    }

    public void SeatHold(string outcome) => _seatHolds.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
