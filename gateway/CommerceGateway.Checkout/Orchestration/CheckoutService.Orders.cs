using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;

namespace CommerceGateway.Checkout;

/// <content>Orders: lookup, capture, refund, cancel.</content>
public sealed partial class CheckoutService
{
    /// <summary>The order, refreshed from its backend; null when it does not exist for this client.</summary>
    public async Task<OrderRecord?> GetOrderAsync(ClientContext client, string orderId, CancellationToken cancellationToken)
    {
        var stored = await LoadOrderAsync(client, orderId, cancellationToken);
        if (stored is not { } found)
        {
            return null;
        }

        var fresh = await _channels.GetCommerceBackend(found.Record.Order.Channel).GetOrderAsync(found.Record.Order, cancellationToken);
        return await SaveOrderAsync(found.Record with { Order = fresh }, cancellationToken, found.Version);
    }

    /// <summary>Captures an authorized payment (all of it when <paramref name="amount"/> is null).</summary>
    public Task<CheckoutResult<OrderRecord>> CaptureAsync(ClientContext client, string orderId, Money? amount, CancellationToken cancellationToken) =>
        ChangeOrderAsync(client, orderId, amount, allowZero: false, async (backend, record, ct) =>
        {
            var order = await backend.CaptureAsync(record.Order, amount, ct);
            var loyalty = order.PaymentStatus == PaymentStatus.Paid
                ? await AdvanceLoyaltyForOrderAsync(record with { Order = order }, [LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed], ct)
                : record.Loyalty;
            return record with { Order = order, Loyalty = loyalty };
        }, cancellationToken);

    /// <summary>
    /// Refunds part or all of a paid order. The loyalty order is refunded (earned points removed, reward
    /// returned) once refunds reach the amount paid; a partial refund leaves it at its stage, which the
    /// order's loyalty status shows.
    /// </summary>
    public Task<CheckoutResult<OrderRecord>> RefundAsync(ClientContext client, string orderId, Money amount, string? reason, CancellationToken cancellationToken) =>
        ChangeOrderAsync(client, orderId, amount, allowZero: false, async (backend, record, ct) =>
        {
            if (amount + record.Order.AmountRefunded > record.Order.AmountPaid && record.Order.PaymentStatus != PaymentStatus.Authorized)
            {
                throw new BackendRejectedException(record.Order.Channel, CommerceErrorCodes.InvalidInput, $"At most {record.Order.AmountPaid - record.Order.AmountRefunded} can still be refunded.", field: "amount");
            }

            var refunded = record with { Order = await backend.RefundAsync(record.Order, amount, reason, ct) };
            if (!IsRefundedInFull(refunded.Order))
            {
                // Loyalty programs refund whole orders only: taking back every point for a partial refund
                // would strip the member of points for what they kept.
                if (refunded.Loyalty is { } kept)
                {
                    CheckoutLog.LoyaltyKeptOnPartialRefund(_logger, refunded.Id, kept.Program, kept.Status);
                }

                return refunded;
            }

            return refunded with { Loyalty = await AdvanceLoyaltyForOrderAsync(refunded, [LoyaltyOrderStatus.Refunded], ct) };
        }, cancellationToken);

    /// <summary>Cancels an order; its loyalty order is voided.</summary>
    public Task<CheckoutResult<OrderRecord>> CancelAsync(ClientContext client, string orderId, CancellationToken cancellationToken) =>
        ChangeOrderAsync(client, orderId, null, allowZero: true, async (backend, record, ct) =>
        {
            var order = await backend.CancelAsync(record.Order, ct);
            var loyalty = await AdvanceLoyaltyForOrderAsync(record with { Order = order }, [LoyaltyOrderStatus.Voided], ct);
            return record with { Order = order, Loyalty = loyalty };
        }, cancellationToken);

    private async Task<CheckoutResult<OrderRecord>> ChangeOrderAsync(
        ClientContext client,
        string orderId,
        Money? amount,
        bool allowZero,
        Func<CommerceBackend, OrderRecord, CancellationToken, Task<OrderRecord>> change,
        CancellationToken cancellationToken)
    {
        var stored = await LoadOrderAsync(client, orderId, cancellationToken);
        if (stored is not { } found)
        {
            return NotFound<OrderRecord>("order", orderId);
        }

        if (amount is { } value && (value.Currency != found.Record.Order.Total.Currency || value.Amount <= 0m && !allowZero || !value.IsRounded || value > found.Record.Order.Total))
        {
            return CheckoutResult.Fail<OrderRecord>(CommerceErrorCodes.InvalidInput, $"The amount must be positive, in {found.Record.Order.Total.Currency}, and at most the order total {found.Record.Order.Total}.", "amount");
        }

        try
        {
            var changed = await change(_channels.GetCommerceBackend(found.Record.Order.Channel), found.Record, cancellationToken);
            return CheckoutResult.Ok<OrderRecord>(await SaveOrderAsync(changed, cancellationToken, found.Version));
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<OrderRecord>(e);
        }
        catch (SessionVersionConflictException e)
        {
            return CheckoutResult.Fail<OrderRecord>(CommerceErrorCodes.Conflict, e.Message);
        }
    }

    /// <summary>True once the refunds reach what was paid (or the backend says the order is refunded).</summary>
    private static bool IsRefundedInFull(Order order) =>
        order.PaymentStatus == PaymentStatus.Refunded || order.AmountPaid.Amount > 0m && order.AmountRefunded >= order.AmountPaid;

    private async Task<(OrderRecord Record, long Version)?> LoadOrderAsync(ClientContext client, string orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await _documents.GetAsync<OrderRecord>(SessionDocuments.OrderKey(orderId), cancellationToken);
        return stored is { } found && found.Value.Owner == client.ClientId ? found : null;
    }

    private async Task<OrderRecord> SaveOrderAsync(OrderRecord record, CancellationToken cancellationToken, long? knownVersion = null)
    {
        var key = SessionDocuments.OrderKey(record.Id);
        var version = knownVersion ?? (await _documents.GetAsync<OrderRecord>(key, cancellationToken))?.Version ?? 0;
        await _documents.PutAsync(key, record, version, _options.OrderLifetime, cancellationToken);
        return record;
    }
}
