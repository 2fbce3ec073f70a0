namespace CommerceGateway.Sandbox.Booking;

/// <content>Catalog reads: events with their sessions, session info and seat maps with live status.</content>
internal sealed partial class BookingStore
{
    public BookingEventsPage SearchEvents(string? query, int offset, int limit)
    {
        lock (_gate)
        {
            Now();
            var matching = _events.Values
                .Where(e => string.IsNullOrWhiteSpace(query) || e.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.Id)
                .ToList();
            var page = matching.Skip(offset).Take(limit)
                .Select(e => new BookingEventView(e.Id, e.Name, e.Venue, new BookingPromoterView(e.PromoterId), [.. e.Sessions.Select(SessionView)]))
                .ToList();
            return new BookingEventsPage(new BookingPageMetadata(offset, limit, matching.Count), page);
        }
    }

    public BookingSessionView SessionInfo(long sessionId)
    {
        lock (_gate)
        {
            Now();
            return SessionView(FindSession(sessionId));
        }
    }

    public BookingSeatMapView SeatMap(long sessionId)
    {
        lock (_gate)
        {
            Now();
            var session = FindSession(sessionId);
            var seats = session.Seats.Select(d => new BookingSeatMapSeat(
                d.Id,
                d.Sector,
                d.Row,
                d.Number,
                StatusName(_seats[d.Id].Status),
                [.. session.Rates.Select(r => r.Id)])).ToList();
            return new BookingSeatMapView(session.Id, seats);
        }
    }

    private BookingSessionView SessionView(BookingSession session) => new(
        session.Id,
        session.EventId,
        session.Name,
        session.Date,
        BookingSeed.Currency,
        [.. session.Rates.Select(r => new BookingRateView(r.Id, r.Name, r.Price))],
        session.Seats.Count(d => _seats[d.Id].Status == BookingSeatStatus.Free));

    private BookingSession FindSession(long sessionId) =>
        _sessions.GetValueOrDefault(sessionId) ?? throw BookingException.NotFound("SESSION_NOT_FOUND", $"Session {sessionId} does not exist.");

    private static string StatusName(BookingSeatStatus status) => status switch
    {
        BookingSeatStatus.Free => "FREE",
        BookingSeatStatus.Locked => "LOCKED",
        BookingSeatStatus.Booked => "BOOKED",
        _ => "SOLD",
    };
}
