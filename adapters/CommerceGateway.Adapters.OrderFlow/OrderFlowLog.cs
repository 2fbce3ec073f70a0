using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>OrderFlow adapter logs: ids and codes only, never names, emails, addresses or payment references.</summary>
internal static partial class OrderFlowLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "OrderFlow {Channel}: order {OrderId} invoiced as {InvoiceId}")]
    public static partial void Invoiced(ILogger logger, string channel, string orderId, string invoiceId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "OrderFlow {Channel}: payment for order {OrderId} refused ({BackendCode})")]
    public static partial void PaymentRefused(ILogger logger, string channel, string orderId, string backendCode);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "OrderFlow {Channel}: order {OrderId} paid")]
    public static partial void Paid(ILogger logger, string channel, string orderId);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "OrderFlow {Channel}: order {OrderId} is paid but shipping failed ({ErrorCode}); it ships when the order is read again")]
    public static partial void ShipmentDeferred(ILogger logger, string channel, string orderId, string errorCode);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "OrderFlow {Channel}: order {OrderId} shipped")]
    public static partial void Shipped(ILogger logger, string channel, string orderId);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "OrderFlow {Channel}: the {EventName} email for order {OrderId} was not sent ({ErrorCode})")]
    public static partial void EmailNotSent(ILogger logger, string channel, string eventName, string orderId, string errorCode);
}
