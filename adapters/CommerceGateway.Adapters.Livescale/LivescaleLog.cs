using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.Livescale;

/// <summary>Livescale adapter logs: ids of baskets and orders only, never tokens, emails or PSP references.</summary>
internal static partial class LivescaleLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Livescale {Channel}: new access token, valid {LifetimeSeconds} s")]
    public static partial void TokenIssued(ILogger logger, string channel, double lifetimeSeconds);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Livescale {Channel}: {Operation} was refused with an auth error; fetching a new access token and replaying once")]
    public static partial void TokenRejected(ILogger logger, string channel, string operation);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Livescale {Channel}: basket {BasketId} created for a guest session")]
    public static partial void BasketCreated(ILogger logger, string channel, string basketId);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Livescale {Channel}: {Operation} reported on order {OrderId}; the order is now {Status}, payment {PaymentStatus}")]
    public static partial void OrderReported(ILogger logger, string channel, string orderId, string operation, OrderStatus status, PaymentStatus paymentStatus);
}
