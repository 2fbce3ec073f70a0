using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.Spendgo;

/// <summary>Spendgo adapter logs: order ids, statuses and point counts only; never tokens, secrets or member contact data.</summary>
internal static partial class SpendgoLog
{
    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Spendgo {Channel}: new access token, valid {LifetimeSeconds} s")]
    public static partial void TokenIssued(ILogger logger, string channel, double lifetimeSeconds);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "Spendgo {Channel}: {Operation} was refused with 401; fetching a new access token and replaying once")]
    public static partial void TokenRejected(ILogger logger, string channel, string operation);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Information, Message = "Spendgo {Channel}: order {OrderId} reported {Status}; discount {Discount}, points earned {PointsEarned}")]
    public static partial void OrderReported(ILogger logger, string channel, string orderId, LoyaltyOrderStatus status, decimal discount, decimal pointsEarned);

    [LoggerMessage(EventId = 7404, Level = LogLevel.Information, Message = "Spendgo {Channel}: order {OrderId} had already reached {Current} when {Requested} was sent again; answered from the backend's record, nothing applied twice")]
    public static partial void StageAlreadyReported(ILogger logger, string channel, string orderId, LoyaltyOrderStatus requested, LoyaltyOrderStatus current);
}
