using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary>
/// One <c>PUT /orders/{id}</c> report applied to an order, under the state's lock:
/// <list type="bullet">
/// <item><c>status: NEW</c> with <c>psp_transaction_id</c> reports the authorization (payment AUTHORIZED);</item>
/// <item><c>status: FAILED</c> with <c>reason</c> reports a failed authorization (stock is given back);</item>
/// <item><c>payment_status: PAID</c> reports the capture; <c>payment_status: FAILED</c> with <c>reason</c> a failed capture.</item>
/// </list>
/// The <c>decline</c> fault makes the merchant refuse a reported authorization or PAID (the order
/// fails); the <c>capture-failure</c> fault makes a reported capture fail with its reason.
/// </summary>
internal sealed class LivescaleOrderUpdate(LivescaleState state, LivescaleOrder order, LivescaleOrderUpdateInput report, FaultSpec fault)
{
    public const string DeclineReason = "The merchant refused the authorization: the PSP transaction could not be verified.";

    /// <summary>Applies the report; null when accepted (the order is the answer), else the refusal.</summary>
    public IResult? Apply()
    {
        if (report.PspTransactionId is { } reported && order.PspTransactionId is { } stored && reported != stored)
        {
            return Conflict($"The order was authorized with another PSP transaction; psp_transaction_id must stay '{stored}'.");
        }

        if (report.Status == LivescaleOrderStatus.Failed)
        {
            if (order.PaymentStatus == LivescaleOrderStatus.Paid)
            {
                return Conflict("The order is already paid; it cannot fail.");
            }

            state.FailOrder(order, report.Reason ?? "Authorization failed.");
            return null;
        }

        if (report.Status == LivescaleOrderStatus.New && Authorize() is { } refusal)
        {
            return refusal;
        }

        return report.PaymentStatus switch
        {
            LivescaleOrderStatus.Paid => Capture(),
            LivescaleOrderStatus.Failed => CaptureFailed(report.Reason ?? "Capture failed."),
            _ => null,
        };
    }

    private IResult? Authorize()
    {
        if (order.Status == LivescaleOrderStatus.Failed)
        {
            return Conflict("The order failed; create a new order from the basket.");
        }

        if (order.Status == LivescaleOrderStatus.New)
        {
            return null; // The same authorization reported again.
        }

        if (string.IsNullOrEmpty(report.PspTransactionId))
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_request", "psp_transaction_id is required to report an authorization.");
        }

        Record();
        if (fault.Decline)
        {
            state.FailOrder(order, DeclineReason);
            return null;
        }

        order.Status = LivescaleOrderStatus.New;
        order.PaymentStatus = LivescaleOrderStatus.Authorized;
        return null;
    }

    private IResult? Capture()
    {
        if (order.Status == LivescaleOrderStatus.Failed && report.Status == LivescaleOrderStatus.New)
        {
            return null; // Declined while authorizing in this same report.
        }

        if (order.Status != LivescaleOrderStatus.New)
        {
            return Conflict($"Only an authorized order can be captured (status is {order.Status}).");
        }

        if (order.PaymentStatus == LivescaleOrderStatus.Paid)
        {
            return null; // The same capture reported again.
        }

        Record();
        if (fault.Decline)
        {
            state.FailOrder(order, DeclineReason);
        }
        else if (fault.CaptureFailure is { } reason)
        {
            CaptureFailed(reason);
        }
        else
        {
            order.PaymentStatus = LivescaleOrderStatus.Paid;
            order.TotalPaid = order.TotalInvoiced;
            order.Reason = null;
        }

        return null;
    }

    private IResult? CaptureFailed(string reason)
    {
        if (order.Status != LivescaleOrderStatus.New || order.PaymentStatus == LivescaleOrderStatus.Paid)
        {
            return Conflict($"Only an authorized, unpaid order can report a failed capture (status {order.Status}, payment {order.PaymentStatus}).");
        }

        order.PaymentStatus = LivescaleOrderStatus.Failed;
        order.Reason = reason;
        return null;
    }

    private void Record()
    {
        order.PspTransactionId ??= report.PspTransactionId;
        order.PspName ??= report.PspName;
        order.CardType ??= report.CardType;
    }

    private static IResult Conflict(string message) =>
        LivescaleJson.Error(StatusCodes.Status409Conflict, "invalid_transition", message);
}
