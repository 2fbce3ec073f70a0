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

    /// <summary>Like <see cref="Seats"/>, but null stays null (meaning "all seats") and an empty list is allowed.</summary>
    public static string[]? OptionalSeats(IReadOnlyCollection<string>? seatIds, string paramName) =>
        seatIds switch
        {
            null => null,
            { Count: 0 } => [],
            _ => Seats(seatIds, paramName),
        };
}
