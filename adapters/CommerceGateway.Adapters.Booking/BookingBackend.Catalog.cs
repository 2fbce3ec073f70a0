using System.Globalization;
using CommerceGateway.Adapters;

namespace CommerceGateway.Adapters.OneBox;

/// <content>Events with their sessions and rates, and session seat maps.</content>
public sealed partial class BookingBackend
{
    /// <inheritdoc />
    public override async Task<CatalogPage<EventListing>> GetEventsAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = string.Create(CultureInfo.InvariantCulture, $"events/search?offset={query.Offset}&limit={Math.Clamp(query.Limit, 1, 100)}");
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            path += "&q=" + Uri.EscapeDataString(query.Search);
        }

        using var document = await _http.GetAsync(path, "GetEvents", cancellationToken);
        var root = document.Root(Channel.Name);
        var events = root.Required("data").Items().Select(e =>
        {
            var eventId = e.Required("id").AsText();
            var sessions = e.Required("sessions").Items().Select(s =>
            {
                var currency = s.Required("currency").AsCurrency();
                return new EventSession(
                    s.Required("id").AsText(),
                    eventId,
                    s.Required("date").AsDateTime(),
                    [.. s.Required("rates").Items().Select(r => new EventRate(r.Required("id").AsText(), r.Required("name").AsString(), r.Required("price").AsMoney(currency)))],
                    s.Optional("name")?.AsString(),
                    s.Optional("availableSeats")?.AsInt32());
            }).ToList();
            return new EventListing(eventId, e.Required("name").AsString(), sessions, e.Optional("venue")?.AsString());
        }).ToList();
        var metadata = root.Optional("metadata");
        return new CatalogPage<EventListing>(events, metadata?.Optional("offset")?.AsInt32() ?? query.Offset, metadata?.Optional("total")?.AsInt32());
    }

    /// <inheritdoc />
    public override async Task<SeatMap> GetSeatMapAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        using var document = await _http.GetAsync($"session/{Uri.EscapeDataString(sessionId)}/seatMap", "GetSeatMap", cancellationToken);
        var seats = document.Root(Channel.Name).Required("seats").Items().Select(s =>
        {
            var status = s.Required("status");
            return new Seat(
                s.Required("id").AsText(),
                s.Optional("sector")?.AsString(),
                s.Required("row").AsText(),
                s.Required("number").AsText(),
                status.AsString() switch
                {
                    "FREE" => SeatStatus.Available,
                    "LOCKED" or "BOOKED" => SeatStatus.Held,
                    "SOLD" => SeatStatus.Sold,
                    var other => throw status.Problem($"expected FREE, LOCKED, BOOKED or SOLD, found '{other}'"),
                },
                [.. (s.Optional("rates")?.Items() ?? []).Select(r => r.AsText())]);
        }).ToList();
        return new SeatMap(sessionId, seats);
    }
}
