using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Order mutations (back office): capture, refund, cancel. Loyalty follows each of them.</summary>
internal static class OrderMutations
{
    public static void Add(ObjectTypeBuilder m) => m
        .Field("orderCapture", "OrderPayload!", f => f
            .Description(
                "Captures an authorized payment (all of it without amount). A capture that failed at the PSP answers the order (its failureReason set, timeline CAPTURE_FAILED) " +
                "and a CAPTURE_FAILED user error; where the backend allows it (Livescale) the order stays AUTHORIZED and capturable again while its authorization lives. " +
                "A paid order is never captured twice. With idempotencyKey the same key replays the outcome (the order as it now is); retry a failed capture with a new key.")
            .Arg("orderId", "ID!", "The order.")
            .Arg("amount", "MoneyInput", "The amount to capture; the whole authorization when omitted.")
            .Arg("idempotencyKey", "String", "A key unique to this capture attempt, 1 to 255 characters; a retry with it never captures again.")
            .ResolveCommerce(CommerceAccess.OrderManagement, async call =>
                !PaymentInputs.TryMoney(call.Map("amount"), "amount", out var amount, out var error)
                    ? SchemaDsl.Payload(CheckoutResult.Fail<OrderRecord>([error!]), "order")
                    : SchemaDsl.Payload(await call.Orders.CaptureAsync(call.Client, call.Str("orderId"), amount, call.OptStr("idempotencyKey"), call.Cancellation), "order")))
        .Field("orderRefund", "OrderPayload!", f => f
            .Description("Refunds part or all of a paid order. Loyalty programs refund whole orders only: once refunds reach the amount paid, the loyalty order is refunded (earned points removed, reward returned); a partial refund leaves it as it is, and order.loyalty.status says so.")
            .Arg("orderId", "ID!", "The order.")
            .Arg("amount", "MoneyInput!", "The amount to refund.")
            .Arg("reason", "String", "Why, for the backend's records.")
            .ResolveCommerce(CommerceAccess.OrderManagement, async call =>
                !PaymentInputs.TryMoney(call.Map("amount"), "amount", out var amount, out var error)
                    ? SchemaDsl.Payload(CheckoutResult.Fail<OrderRecord>([error!]), "order")
                    : SchemaDsl.Payload(await call.Orders.RefundAsync(call.Client, call.Str("orderId"), amount!.Value, call.OptStr("reason"), call.Cancellation), "order")))
        .Field("orderCancel", "OrderPayload!", f => f
            .Description("Cancels an order; its loyalty order is voided.")
            .Arg("orderId", "ID!", "The order.")
            .ResolveCommerce(CommerceAccess.OrderManagement, async call =>
                SchemaDsl.Payload(await call.Orders.CancelAsync(call.Client, call.Str("orderId"), call.Cancellation), "order")));
}
