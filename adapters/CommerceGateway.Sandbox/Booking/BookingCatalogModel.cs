namespace CommerceGateway.Sandbox.Booking;

/// <summary>A seeded event: sold by one promoter, with its sessions.</summary>
internal sealed record BookingEvent(long Id, string Name, string Venue, long PromoterId, IReadOnlyList<BookingSession> Sessions);

/// <summary>One session (performance) of an event, with its rates and seats.</summary>
internal sealed record BookingSession(long Id, long EventId, string Name, DateTimeOffset Date, IReadOnlyList<BookingRate> Rates, IReadOnlyList<BookingSeatDefinition> Seats);

/// <summary>A price category of a session.</summary>
internal sealed record BookingRate(long Id, string Name, decimal Price);

/// <summary>A seat of a session's map, where it sits and whether it was sold before the sandbox started.</summary>
internal sealed record BookingSeatDefinition(long Id, string Sector, string Row, int Number, bool SoldAtStart)
{
    public string Label => $"Row {Row}, Seat {Number}";
}

/// <summary>An API client of the booking backend and the sales channel its token acts for.</summary>
internal sealed record BookingClient(string ClientId, string ClientSecret, string ChannelId);
