using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// The moves of a Livescale order. Each saves the order it answers; a refusal changes nothing. A
/// report that repeats one already taken (the same authorization, a capture of a paid order)
/// changes nothing and answers the order, so Livescale may send a report again safely.
/// </summary>
internal sealed class LivescaleOrders(LivescaleDocuments documents, LivescalePayments payments)
{
    public LivescaleDocuments Documents => documents;

    public Task<LivescaleOrderDocument> SaveAsync(LivescaleOrderDocument order, CancellationToken cancellationToken) =>
        documents.UpdateOrderAsync(order.Id, _ => order, cancellationToken);

    /// <summary><c>status: NEW</c>: Livescale authorized the PSP transaction.</summary>
    public async Task<(LivescaleOrderDocument? Order, LivescaleRefusal? Refusal)> AuthorizeAsync(
        LivescaleCaller caller, LivescaleOrderDocument order, string? transaction, string? pspName, string? cardType, CancellationToken cancellationToken)
    {
        transaction ??= order.PspTransactionId;
        if (string.IsNullOrWhiteSpace(transaction))
        {
            return (null, new LivescaleRefusal(StatusCodes.Status400BadRequest, "invalid_request", "status NEW needs the psp_transaction_id of the authorization."));
        }

        if (order.Status == "FAILED")
        {
            return (null, LivescaleRefusal.Transition($"Order '{order.Id}' failed; make a new order from the basket."));
        }

        if (order.PspTransactionId is { } known && known != transaction)
        {
            return (null, LivescaleRefusal.Transition($"Order '{order.Id}' was authorized with another PSP transaction."));
        }

        if (order.Status == "NEW" && !(order.PaymentStatus == "PROCESSING" && order.MerchantOrderId is null))
        {
            return (order, null);
        }

        var authorized = order with { Status = "NEW", PaymentStatus = "AUTHORIZED", PspTransactionId = transaction, PspName = pspName ?? order.PspName, CardType = cardType ?? order.CardType, Reason = null };
        if (caller.Channel.Supports(ChannelCapabilities.CaptureLater))
        {
            // The backend holds the authorization and captures when Livescale reports the capture.
            var paid = await payments.PayAsync(caller, authorized, cancellationToken);
            if (paid.Value is not { } result)
            {
                return (null, LivescaleRefusal.From(paid.Errors));
            }

            authorized = result.Status == PaymentStatus.Failed
                ? authorized with { Status = "FAILED", PaymentStatus = "FAILED", Reason = result.FailureReason ?? "The backend declined the payment." }
                : Settled(authorized, result);
        }

        return (await SaveAsync(authorized, cancellationToken), null);
    }

    /// <summary><c>status: FAILED</c>: the authorization failed; the basket can be ordered again.</summary>
    public async Task<(LivescaleOrderDocument? Order, LivescaleRefusal? Refusal)> FailAuthorizationAsync(LivescaleOrderDocument order, string? reason, CancellationToken cancellationToken)
    {
        if (order.MerchantOrderId is { } merchant)
        {
            return (null, LivescaleRefusal.Transition($"The backend already has order '{merchant}' for this authorization; it cannot fail any more."));
        }

        return order.Status == "FAILED"
            ? (order, null)
            : (await SaveAsync(order with { Status = "FAILED", PaymentStatus = "FAILED", Reason = reason ?? "Authorization failed." }, cancellationToken), null);
    }

    /// <summary><c>payment_status: PAID</c>: Livescale captured the funds; the backend is paid or captures.</summary>
    public async Task<(LivescaleOrderDocument? Order, LivescaleRefusal? Refusal)> CaptureAsync(LivescaleCaller caller, LivescaleOrderDocument order, CancellationToken cancellationToken)
    {
        if (order.Status != "NEW")
        {
            return (null, LivescaleRefusal.Transition($"Order '{order.Id}' is {order.Status}: report the authorization (status NEW with psp_transaction_id) first."));
        }

        if (order.PaymentStatus == "PAID")
        {
            return (order, null);
        }

        if (!caller.Channel.Supports(ChannelCapabilities.CaptureLater))
        {
            var paid = await payments.PayAsync(caller, order, cancellationToken);
            if (paid.Value is not { } result)
            {
                return (null, LivescaleRefusal.From(paid.Errors));
            }

            var settled = result.Status == PaymentStatus.Failed
                ? order with { PaymentStatus = "FAILED", Reason = result.FailureReason ?? "The backend declined the payment.", CaptureAttempts = order.CaptureAttempts + 1 }
                : Settled(order, result);
            return (await SaveAsync(settled, cancellationToken), null);
        }

        if (order.MerchantOrderId is null)
        {
            // The authorization was still processing at the backend: its outcome first (the same key replays it).
            var (authorized, refusal) = await AuthorizeAsync(caller, order, order.PspTransactionId, null, null, cancellationToken);
            if (refusal is not null || authorized!.MerchantOrderId is null)
            {
                return (null, refusal ?? LivescaleRefusal.Transition($"The backend has not settled the authorization of order '{order.Id}' yet; report the capture again shortly."));
            }

            order = authorized;
        }

        var captured = await payments.CaptureAsync(caller, order, cancellationToken);
        if (captured.Value is not { } record)
        {
            // A backend that refuses the capture outright leaves the authorization as it was: the order shows the failure and its reason.
            return captured.Errors[0].Code == CommerceErrorCodes.CaptureFailed
                ? (await SaveAsync(order with { PaymentStatus = "FAILED", Reason = captured.Errors[0].Message, CaptureAttempts = order.CaptureAttempts + 1 }, cancellationToken), null)
                : (null, LivescaleRefusal.From(captured.Errors));
        }

        var next = record.Order.PaymentStatus == PaymentStatus.Paid
            ? order with { PaymentStatus = "PAID", Paid = record.Order.AmountPaid.Amount, Reason = null }
            : order with { PaymentStatus = "FAILED", Reason = record.Order.FailureReason ?? (captured.Errors.Count > 0 ? captured.Errors[0].Message : null) ?? "The backend did not capture the payment.", CaptureAttempts = order.CaptureAttempts + 1 };
        return (await SaveAsync(next, cancellationToken), null);
    }

    /// <summary><c>payment_status: FAILED</c>: Livescale's capture failed, with its reason; a later capture may still succeed.</summary>
    public async Task<(LivescaleOrderDocument? Order, LivescaleRefusal? Refusal)> FailCaptureAsync(LivescaleOrderDocument order, string? reason, CancellationToken cancellationToken)
    {
        if (order.Status != "NEW")
        {
            return (null, LivescaleRefusal.Transition($"Order '{order.Id}' is {order.Status}: only an authorized order has a capture to fail."));
        }

        if (order.PaymentStatus == "PAID")
        {
            return (null, LivescaleRefusal.Transition($"Order '{order.Id}' is paid; its capture cannot fail any more."));
        }

        // Nothing is sent to the backend: it holds the authorization (capture later) or has not been paid at all.
        return (await SaveAsync(order with { PaymentStatus = "FAILED", Reason = reason ?? "Capture failed.", CaptureAttempts = order.CaptureAttempts + 1 }, cancellationToken), null);
    }

    private static LivescaleOrderDocument Settled(LivescaleOrderDocument order, PaymentResult result) => result.Status switch
    {
        PaymentStatus.Paid => order with { PaymentStatus = "PAID", Paid = result.Order?.Order.AmountPaid.Amount ?? order.Total, MerchantOrderId = result.Order?.Id, Reason = null },
        PaymentStatus.Authorized => order with { PaymentStatus = "AUTHORIZED", MerchantOrderId = result.Order?.Id, Reason = null },
        _ => order with { PaymentStatus = "PROCESSING", MerchantOrderId = result.Order?.Id },
    };
}
