using System.Security.Cryptography;
using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.Checkout.State;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// <c>POST /orders</c> turns a complete basket into a Livescale order, before any payment;
/// <c>PUT /orders/{id}</c> reports the authorization (<c>status</c>) and the capture
/// (<c>payment_status</c>). On a channel that captures later the backend is paid (authorized) when
/// the authorization is reported and captured when the capture is; on any other channel the backend
/// takes the payment when Livescale reports the capture, so a failed capture leaves nothing to undo.
/// </summary>
internal static class LivescaleOrderEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/orders", CreateAsync);
        group.MapPut("/orders/{order_id}", UpdateAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, LivescaleBaskets baskets, LivescaleOrders orders)
    {
        var caller = LivescaleCaller.Of(http);
        var cancellationToken = http.RequestAborted;
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleOrderInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.BasketId))
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "basket_id is required.");
        }

        var (cart, basket, missing) = await baskets.LoadAsync(caller, body.BasketId, cancellationToken);
        if ((missing ?? await baskets.FrozenAsync(basket!, cancellationToken)) is { } refused)
        {
            return refused;
        }

        if (cart!.Lines.Count == 0)
        {
            return Incomplete("The basket has no items.");
        }

        if (basket!.PaymentMethod != LivescaleCheckoutEndpoints.PaymentMethodId)
        {
            return Incomplete($"Choose the payment method {LivescaleCheckoutEndpoints.PaymentMethodId} first.");
        }

        var begun = await baskets.EnsureCheckoutAsync(caller, cart, cancellationToken);
        var caughtUp = begun.Succeeded ? await baskets.CatchUpAsync(caller, begun.Value!, basket, cancellationToken) : begun;
        if (!caughtUp.Succeeded)
        {
            return LivescaleErrors.From(caughtUp.Errors);
        }

        cart = caughtUp.Value!;
        if (cart.Checkout.Status is not (CheckoutStatus.Open or CheckoutStatus.PaymentFailed))
        {
            return LivescaleErrors.Error(StatusCodes.Status409Conflict, "basket_ordered", $"The basket's checkout is {cart.Checkout.Status}; it cannot be ordered.");
        }

        if (cart.Checkout.NextIncomplete is { Kind: not CheckoutStepKind.Payment } step)
        {
            return Incomplete(step.Missing.Count > 0 ? $"The {step.Kind} step still needs {string.Join(", ", step.Missing)}." : $"The backend's {step.Kind} step is not complete.");
        }

        var order = new LivescaleOrderDocument("lso_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), caller.Client.ClientId, caller.Channel.Name, cart.Id, cart.Totals.Total.Amount, cart.Currency.Code);
        await baskets.Documents.CreateOrderAsync(order, cancellationToken);
        var seen = basket.OrderId;
        await baskets.Documents.UpdateBasketAsync(cart.Id, b => b.OrderId == seen ? b with { OrderId = order.Id } : throw new SessionVersionConflictException("Another order was made from the basket meanwhile."), cancellationToken);

        if (body.PspTransactionId is { Length: > 0 } transaction)
        {
            // The authorization came with the order: a hand-over that fails leaves the order failed with the reason, so the basket can be ordered again.
            var (authorized, refusal) = await orders.AuthorizeAsync(caller, order, transaction, body.PspName, null, cancellationToken);
            order = authorized ?? await orders.SaveAsync(order with { Status = "FAILED", PaymentStatus = "FAILED", Reason = refusal!.Message }, cancellationToken);
        }

        return LivescaleJson.Ok(LivescaleOrderView.Of(order), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string order_id, LivescaleOrders orders)
    {
        var caller = LivescaleCaller.Of(http);
        var cancellationToken = http.RequestAborted;
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleOrderUpdate>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (body!.Status is not (null or "NEW" or "FAILED") || body.PaymentStatus is not (null or "PAID" or "FAILED") || body.Status is null && body.PaymentStatus is null)
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "Send status NEW or FAILED and/or payment_status PAID or FAILED.");
        }

        var order = await orders.Documents.GetOrderAsync(order_id, cancellationToken);
        if (order is null || order.Owner != caller.Client.ClientId || !LivescaleBaskets.SameChannel(order.Channel, caller.Channel))
        {
            return LivescaleErrors.NotFound("order", order_id);
        }

        LivescaleRefusal? refusal = null;
        if (body.Status is { } status)
        {
            var step = status == "NEW"
                ? await orders.AuthorizeAsync(caller, order, body.PspTransactionId, body.PspName, body.CardType, cancellationToken)
                : await orders.FailAuthorizationAsync(order, body.Reason, cancellationToken);
            (order, refusal) = (step.Order ?? order, step.Refusal);
        }

        if (refusal is null && body.PaymentStatus is { } payment)
        {
            var step = payment == "PAID"
                ? await orders.CaptureAsync(caller, order, cancellationToken)
                : await orders.FailCaptureAsync(order, body.Reason, cancellationToken);
            (order, refusal) = (step.Order ?? order, step.Refusal);
        }

        return refusal is not null
            ? LivescaleErrors.Error(refusal.Status, refusal.Code, refusal.Message)
            : LivescaleJson.Ok(LivescaleOrderView.Of(order), StatusCodes.Status201Created);
    }

    private static IResult Incomplete(string message) =>
        LivescaleErrors.Error(StatusCodes.Status422UnprocessableEntity, "basket_incomplete", message);
}
