using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Logging;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// Orders: lookup, capture, refund, cancel. Each change runs under the lock of the order's cart, so it
/// never overlaps a loyalty retry, and drives the order's loyalty stages; what the program does not
/// take is owed by the order and retried.
/// </summary>
public sealed class OrderService
{
    private readonly IChannelRegistry _channels;
    private readonly CartLocks _locks;
    private readonly OrderRecords _orders;
    private readonly LoyaltyStages _stages;
    private readonly LoyaltyFollowUp _followUp;
    private readonly IdempotentCall _idempotent;
    private readonly TimeProvider _time;
    private readonly ILogger<OrderService> _logger;

    internal OrderService(
        IChannelRegistry channels,
        CartLocks locks,
        OrderRecords orders,
        LoyaltyStages stages,
        LoyaltyFollowUp followUp,
        IdempotentCall idempotent,
        TimeProvider time,
        ILogger<OrderService> logger)
    {
        _channels = channels;
        _locks = locks;
        _orders = orders;
        _stages = stages;
        _followUp = followUp;
        _idempotent = idempotent;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// The order, refreshed from its backend; null when it does not exist for this client. Loyalty stages
    /// the order still owes are retried first, once and briefly (<see cref="CheckoutOptions.LoyaltyRetryReadTimeout"/>),
    /// on the first read after they failed and then only when their backoff has passed, unless another
    /// change of the order holds its lock.
    /// </summary>
    public async Task<OrderRecord?> GetOrderAsync(ClientContext client, string orderId, CancellationToken cancellationToken)
    {
        var stored = await _orders.LoadOrderAsync(client, orderId, cancellationToken);
        if (stored is not { } found)
        {
            return null;
        }

        // The first read after a failure tries at once (the program may be back); later reads keep to
        // the backoff, so a client polling the order while the program is down does not wait on it each time.
        if (found.Record.LoyaltyOwed is { GaveUp: false } owed && (owed.Attempts <= 1 || owed.NextAttemptAt <= _time.GetUtcNow()))
        {
            await using var lease = await _locks.TryAcquireAsync(found.Record.CartId, cancellationToken, TimeSpan.Zero);
            if (lease is not null && await _followUp.CatchUpUnderLockAsync(orderId, bounded: true, cancellationToken) is { } caughtUp)
            {
                found = caughtUp;
            }
        }

        var fresh = await _channels.GetCommerceBackend(found.Record.Order.Channel).GetOrderAsync(found.Record.Order, cancellationToken);
        try
        {
            return await _orders.SaveOrderAsync(found.Record with { Order = fresh }, cancellationToken, found.Version);
        }
        catch (SessionVersionConflictException)
        {
            // A concurrent read or change stored the order meanwhile (a loyalty retry, say); show what it stored.
            return (await _orders.LoadOrderAsync(client, orderId, cancellationToken))?.Record ?? found.Record with { Order = fresh };
        }
    }

    /// <summary>Captures an authorized payment (all of it when <paramref name="amount"/> is null), without an idempotency key.</summary>
    public Task<CheckoutResult<OrderRecord>> CaptureAsync(ClientContext client, string orderId, Money? amount, CancellationToken cancellationToken) =>
        CaptureAsync(client, orderId, amount, null, cancellationToken);

    /// <summary>
    /// Captures an authorized payment (all of it when <paramref name="amount"/> is null). A capture the
    /// PSP failed is both a result and an error: the order, stored with the failure's reason (still
    /// authorized, so capturable again while its authorization lives, when the backend allows it), and
    /// CAPTURE_FAILED with that reason. With <paramref name="idempotencyKey"/> the same key replays the
    /// capture's outcome (the order as it now is) and never captures twice, on any replica; a failed
    /// capture is retried with a new key. A paid order is never captured again, with or without a key.
    /// </summary>
    public async Task<CheckoutResult<OrderRecord>> CaptureAsync(ClientContext client, string orderId, Money? amount, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return CaptureFailed(await CaptureOnceAsync(client, orderId, amount, cancellationToken));
        }

        if (IdempotentCall.ValidateKey(idempotencyKey) is { } keyError)
        {
            return CheckoutResult.Fail<OrderRecord>([keyError]);
        }

        var result = await _idempotent.RunAsync(
            "order-capture",
            client,
            idempotencyKey,
            IdempotentCall.Fingerprint("order-capture", orderId, amount?.ToString()),
            async ct =>
            {
                var captured = await CaptureOnceAsync(client, orderId, amount, ct);
                return (captured, captured.Value is null ? null : orderId);
            },
            async (_, ct) => await GetOrderAsync(client, orderId, ct) is { } order ? CheckoutResult.Ok(order) : NotFound<OrderRecord>("order", orderId),
            cancellationToken);
        return CaptureFailed(result);
    }

    /// <summary>An order a capture left unpaid with a reason: the capture failed, and the payload says so beside the order.</summary>
    private static CheckoutResult<OrderRecord> CaptureFailed(CheckoutResult<OrderRecord> result) =>
        result is { Succeeded: true, Value: { Order: { PaymentStatus: not PaymentStatus.Paid, FailureReason: { } reason } } failed }
            ? CheckoutResult.Refused(failed, new UserError(CommerceErrorCodes.CaptureFailed, $"The capture failed: {reason}", "orderId"))
            : result;

    private Task<CheckoutResult<OrderRecord>> CaptureOnceAsync(ClientContext client, string orderId, Money? amount, CancellationToken cancellationToken) =>
        ChangeOrderAsync(client, orderId, amount, allowZero: false, async (backend, record, ct) =>
        {
            var order = await backend.CaptureAsync(record.Order, amount, ct);
            return order.PaymentStatus == PaymentStatus.Paid
                ? await _stages.AdvanceOrderLoyaltyAsync(record with { Order = order }, [LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed], ct)
                : record with { Order = order };
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

            return await _stages.AdvanceOrderLoyaltyAsync(refunded, [LoyaltyOrderStatus.Refunded], ct);
        }, cancellationToken);

    /// <summary>Cancels an order; its loyalty order is voided.</summary>
    public Task<CheckoutResult<OrderRecord>> CancelAsync(ClientContext client, string orderId, CancellationToken cancellationToken) =>
        ChangeOrderAsync(client, orderId, null, allowZero: true, async (backend, record, ct) =>
        {
            var order = await backend.CancelAsync(record.Order, ct);
            return await _stages.AdvanceOrderLoyaltyAsync(record with { Order = order }, [LoyaltyOrderStatus.Voided], ct);
        }, cancellationToken);

    /// <summary>
    /// Applies one change to an order under its cart's lock (so it never overlaps a loyalty retry), then
    /// stores it. A change that did not touch the order's loyalty still retries what the order owes.
    /// </summary>
    private async Task<CheckoutResult<OrderRecord>> ChangeOrderAsync(
        ClientContext client,
        string orderId,
        Money? amount,
        bool allowZero,
        Func<CommerceBackend, OrderRecord, CancellationToken, Task<OrderRecord>> change,
        CancellationToken cancellationToken)
    {
        var unlocked = await _orders.LoadOrderAsync(client, orderId, cancellationToken);
        if (unlocked is not { } first)
        {
            return NotFound<OrderRecord>("order", orderId);
        }

        await using var lease = await _locks.TryAcquireAsync(first.Record.CartId, cancellationToken);
        if (lease is null)
        {
            return CheckoutResult.Fail<OrderRecord>(CommerceErrorCodes.Conflict, "Another change to this order is in progress; read the order and retry.");
        }

        // What was read before the lock may be stale.
        var stored = await _orders.LoadOrderAsync(client, orderId, cancellationToken);
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
            if (changed.LoyaltyOwed is not null && changed.LoyaltyOwed == found.Record.LoyaltyOwed)
            {
                changed = await _stages.CatchUpLoyaltyAsync(changed, bounded: true, cancellationToken);
            }

            // Money may have moved: the change is stored even if a read refreshed the order meanwhile.
            await _orders.PutOrderUnderLockAsync(changed, found.Record.LoyaltyOwed, found.Version, _ => changed, cancellationToken);
            return CheckoutResult.Ok<OrderRecord>(changed);
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
}
