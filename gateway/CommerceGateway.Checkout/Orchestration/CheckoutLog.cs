using CommerceGateway.Adapters;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Checkout;

/// <summary>Checkout logs; ids only, never buyer data or payment references.</summary>
internal static partial class CheckoutLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Loyalty stage {Stage} for cart {CartId} on {Program} failed ({Code}); the checkout goes on")]
    public static partial void LoyaltyStageFailed(ILogger logger, string stage, string cartId, string program, string code);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Reward on cart {CartId} no longer applies after a cart change and was removed")]
    public static partial void RewardDropped(ILogger logger, string cartId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Order {OrderId} is partly refunded; its loyalty order on {Program} stays {Stage} until the order is refunded in full")]
    public static partial void LoyaltyKeptOnPartialRefund(ILogger logger, string orderId, string program, LoyaltyOrderStatus? stage);
}
