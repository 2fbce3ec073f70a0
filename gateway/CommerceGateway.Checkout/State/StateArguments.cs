namespace CommerceGateway.Checkout.State;

/// <summary>Argument checks shared by every store, so both implementations refuse the same input.</summary>
internal static class StateArguments
{
    public static void Id(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
    }

    public static void Ttl(TimeSpan ttl, string paramName)
    {
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, ttl, "The time to live must be positive.");
        }
    }

    /// <summary>Checks a seat list and returns its distinct ids in ascending ordinal order.</summary>
    public static string[] Seats(IReadOnlyCollection<string> seatIds, string paramName)
    {
        ArgumentNullException.ThrowIfNull(seatIds, paramName);
        if (seatIds.Count == 0)
        {
            throw new ArgumentException("At least one seat id is required.", paramName);
        }

        foreach (var seatId in seatIds)
        {
            if (string.IsNullOrEmpty(seatId))
            {
                throw new ArgumentException("Seat ids must not be null or empty.", paramName);
            }
        }

        var distinct = seatIds.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(distinct, StringComparer.Ordinal);
        return distinct;
    }

    /// <summary>
    /// Like <see cref="Seats"/>, and every seat must belong to one group (<see cref="SeatGroup"/>):
    /// an acquisition is atomic only within a group, because on a Redis Cluster a group's seats
    /// share one hash slot and seats of two groups may live on two servers.
    /// </summary>
    public static string[] AcquisitionSeats(IReadOnlyCollection<string> seatIds, string paramName)
    {
        var seats = Seats(seatIds, paramName);
        var group = SeatGroup(seats[0]);
        foreach (var seat in seats)
        {
            if (!string.Equals(SeatGroup(seat), group, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"One acquisition takes seats of one group (the part of a seat id before its last ':'); '{seats[0]}' and '{seat}' belong to different groups. Acquire each group separately.",
                    paramName);
            }
        }

        return seats;
    }

    /// <summary>
    /// The group of a seat: the text before its last ':' ("booking-demo:S1" for "booking-demo:S1:17",
    /// the event session), or "" when it has none. Seats of one group are taken atomically.
    /// </summary>
    public static string SeatGroup(string seatId)
    {
        var colon = seatId.LastIndexOf(':');
        return colon < 0 ? "" : seatId[..colon];
    }

    /// <summary>Like <see cref="Seats"/>, but null stays null (meaning "all seats") and an empty list is allowed.</summary>
    public static string[]? OptionalSeats(IReadOnlyCollection<string>? seatIds, string paramName) =>
        seatIds switch
        {
            null => null,
            { Count: 0 } => [],
            _ => Seats(seatIds, paramName),
        };
}
