using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.OneBox;

/// <summary>The booking adapter's log messages; seat ids and cart ids only, never tokens or buyer data.</summary>
internal static partial class BookingLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Booking {Channel}: access token rejected; fetching a new one and replaying once")]
    public static partial void TokenRejected(ILogger logger, string channel);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Booking {Channel}: seats {SeatIds} refused to cart {CartId}: held for another cart")]
    public static partial void SeatsTaken(ILogger logger, string channel, string cartId, string seatIds);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug, Message = "Booking {Channel}: {Count} seat holds of cart {CartId} now last until {ExpiresAt:O}")]
    public static partial void HoldsExtended(ILogger logger, string channel, string cartId, int count, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Booking {Channel}: seat holds of cart {CartId} released ({Reason})")]
    public static partial void HoldsReleased(ILogger logger, string channel, string cartId, string reason);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Booking {Channel}: the backend gave cart {CartId} seats {SeatIds} that another cart holds; gave them back")]
    public static partial void BestSeatsConflict(ILogger logger, string channel, string cartId, string seatIds);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Booking {Channel}: could not give back the seats cart {CartId} took before a later line failed; they lapse with the backend's lock")]
    public static partial void RollBackIncomplete(ILogger logger, string channel, string cartId, Exception error);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Booking {Channel}: checkout of cart {CartId} resumed after its hold expired; {Replaced} of {Seats} seats replaced by the best available of the same rate")]
    public static partial void Resumed(ILogger logger, string channel, string cartId, int seats, int replaced);
}
