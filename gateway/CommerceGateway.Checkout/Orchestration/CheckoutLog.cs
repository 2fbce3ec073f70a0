using CommerceGateway.Adapters;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Checkout;

/// <summary>Checkout logs; ids only, never buyer data or payment references.</summary>
internal static partial class CheckoutLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Loyalty stage {Stage} for order {OrderId} on {Program} failed ({Code}); stages {Owed} are owed and will be retried from {NextAttemptAt:o}")]
    public static partial void LoyaltyStageFailed(ILogger logger, string stage, string orderId, string program, string code, string owed, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Reward on cart {CartId} no longer applies after a cart change and was removed")]
    public static partial void RewardDropped(ILogger logger, string cartId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Order {OrderId} is partly refunded; its loyalty order on {Program} stays {Stage} until the order is refunded in full")]
    public static partial void LoyaltyKeptOnPartialRefund(ILogger logger, string orderId, string program, LoyaltyOrderStatus? stage);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Loyalty stages {Stages} owed by order {OrderId} on {Program} were accepted after {Attempts} failed attempt(s)")]
    public static partial void LoyaltyStagesCaughtUp(ILogger logger, string stages, string orderId, string program, int attempts);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Gave up retrying loyalty stages {Stages} owed by order {OrderId} on {Program} after {Attempts} attempts since {Since:o} (last {Code}); the loyalty order needs a manual fix")]
    public static partial void LoyaltyRetryGaveUp(ILogger logger, string stages, string orderId, string program, int attempts, DateTimeOffset since, string code);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Loyalty stage {Stage} for cart {CartId} on {Program} failed ({Code}); the cart keeps its last accepted stage and its next payment goes on from there")]
    public static partial void LoyaltyCartStageFailed(ILogger logger, string stage, string cartId, string program, string code);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Loyalty follow-up of {SessionId} failed ({ExceptionType}); the next pass retries it")]
    public static partial void LoyaltyFollowUpFailed(ILogger logger, string sessionId, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Loyalty follow-up pass failed ({ExceptionType}); the next pass retries")]
    public static partial void LoyaltyFollowUpPassFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Loyalty stage {Stage} for cart {CartId} on {Program} failed ({Code}); the cart owes stages {Owed}, retried from {NextAttemptAt:o} unless a payment goes on with the loyalty order first")]
    public static partial void LoyaltyCartStageOwed(ILogger logger, string stage, string cartId, string program, string code, string owed, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Loyalty stages {Stages} owed by cart {CartId} on {Program} were accepted after {Attempts} failed attempt(s)")]
    public static partial void LoyaltyCartStagesCaughtUp(ILogger logger, string stages, string cartId, string program, int attempts);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "Gave up retrying loyalty stages {Stages} owed by cart {CartId} on {Program} after {Attempts} attempts since {Since:o} (last {Code}); the loyalty order needs a manual fix")]
    public static partial void LoyaltyCartRetryGaveUp(ILogger logger, string stages, string cartId, string program, int attempts, DateTimeOffset since, string code);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "A payment of cart {CartId} goes on with its loyalty order on {Program}; the void it owed ({Stages}) is dropped")]
    public static partial void LoyaltyCartOwedDropped(ILogger logger, string cartId, string program, string stages);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Payment attempt {AttemptId} of cart {CartId} on {Channel} ended without an outcome ({Code}); the next payment of the cart asks the backend what it did before charging")]
    public static partial void PaymentLeftInDoubt(ILogger logger, string attemptId, string cartId, string channel, string code);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "Payment attempt {AttemptId} of cart {CartId} on {Channel} never reached the backend ({Code}); nothing was charged and the cart can be paid again")]
    public static partial void PaymentNeverSent(ILogger logger, string attemptId, string cartId, string channel, string code);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Payment attempt {AttemptId} of cart {CartId} on {Channel}, started {StartedAt:o}, was looked up at the backend: {Status}")]
    public static partial void PaymentReconciled(ILogger logger, string attemptId, string cartId, string channel, PaymentStatus status, DateTimeOffset startedAt);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Payment attempt {AttemptId} of cart {CartId} on {Channel}, started {StartedAt:o}, has no known outcome and the backend cannot be asked; the cart is not charged again")]
    public static partial void PaymentOutcomeUnknown(ILogger logger, string attemptId, string cartId, string channel, DateTimeOffset startedAt);
}
