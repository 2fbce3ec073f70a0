namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// The sandbox's seeded demo data: one event of promoter 501 with two sessions, two rates per
/// session and a 32-seat map per session (some seats already sold), plus two API clients.
/// </summary>
internal static class BookingSeed
{
    public const string Currency = "EUR";

    public const long PromoterId = 501;

    /// <summary>The web channel: bookings enabled at start.</summary>
    public const string WebChannel = "WEB";

    /// <summary>The box-office channel: bookings disabled at start.</summary>
    public const string BoxOfficeChannel = "BOX";

    public static IReadOnlyList<BookingClient> Clients { get; } =
    [
        new("gateway", "gateway-secret", WebChannel),
        new("box-office", "box-office-secret", BoxOfficeChannel),
    ];

    public static IReadOnlyList<BookingEvent> Events { get; } =
    [
        new(
            1001,
            "Winter Concert: Chamber Orchestra",
            "Teatro Sandbox",
            PromoterId,
            [
                Session(2001, "Evening performance", new DateTimeOffset(2027, 1, 15, 20, 0, 0, TimeSpan.Zero), 30.00m, 20.00m, ["A1", "A2", "B4"]),
                Session(2002, "Matinee", new DateTimeOffset(2027, 1, 16, 17, 0, 0, TimeSpan.Zero), 25.50m, 15.50m, ["C1", "C2", "D7", "D8"]),
            ]),
    ];

    private static BookingSession Session(long id, string name, DateTimeOffset date, decimal general, decimal reduced, string[] sold)
    {
        string[] rows = ["A", "B", "C", "D"];
        var seats = new List<BookingSeatDefinition>();
        foreach (var (row, rowIndex) in rows.Select((r, i) => (r, i)))
        {
            for (var number = 1; number <= 8; number++)
            {
                var seatId = (id * 100) + (rowIndex * 8) + number;
                seats.Add(new BookingSeatDefinition(seatId, "Stalls", row, number, sold.Contains(row + number)));
            }
        }

        return new BookingSession(id, 1001, name, date, [new BookingRate(1, "General", general), new BookingRate(2, "Reduced", reduced)], seats);
    }
}
