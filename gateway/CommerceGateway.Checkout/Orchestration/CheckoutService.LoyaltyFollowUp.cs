using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;

namespace CommerceGateway.Checkout;

/// <content>
/// Loyalty follow-up: a stage the program did not take after money moved is owed by the order
/// (<see cref="OrderRecord.LoyaltyOwed"/>) and sent again on the order's next read or change, and by
/// <see cref="LoyaltyFollowUpService"/> on every replica with exponential backoff, until the program
/// takes it or <see cref="CheckoutOptions.LoyaltyRetryGiveUpAfter"/> passes. Each attempt holds the
/// order's cart lock and re-reads the order under it, so two replicas never send a stage at once;
/// a stage sent again after a lost answer is a replay the program ignores.
/// </content>
public sealed partial class CheckoutService
{
    /// <summary>The most orders one background pass looks at; the rest wait for the next pass.</summary>
    private const int FollowUpBatch = 50;

    /// <summary>Who owes loyalty stages: an order, or a cart whose declined payment made no order.</summary>
    private enum LoyaltyDebtor
    {
        Order,
        Cart,
    }

    /// <summary>
    /// One background pass: retries the owed stages of every order whose retry is due. A failure with
    /// one order (state store or program down) is logged and leaves it for the next pass.
    /// </summary>
    /// <returns>How many orders were looked at.</returns>
    internal async Task<int> RetryDueLoyaltyAsync(CancellationToken cancellationToken)
    {
        var due = await _sessions.GetDueFollowUpsAsync(_time.GetUtcNow(), FollowUpBatch, cancellationToken);
        foreach (var key in due)
        {
            try
            {
                await FollowUpAsync(key, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                CheckoutLog.LoyaltyFollowUpFailed(_logger, key, e.GetType().Name, e);
            }
        }

        return due.Count;
    }

    /// <summary>Sends the stages <paramref name="stages"/> after any the order still owes; what fails becomes owed.</summary>
    private async Task<OrderRecord> AdvanceOrderLoyaltyAsync(OrderRecord record, LoyaltyOrderStatus[] stages, CancellationToken cancellationToken)
    {
        if (record.Loyalty is not { } loyalty)
        {
            return record;
        }

        // Owed stages come first: the program takes stages in lifecycle order (completed before refunded).
        var owed = record.LoyaltyOwed;
        var run = await SendStagesAsync(loyalty, [.. owed?.Stages ?? [], .. stages], s => SubmitOrderLoyaltyAsync(record, loyalty, s, cancellationToken), cancellationToken);
        return RecordOwed(record with { Loyalty = loyalty with { Status = run.Status } }, owed, run);
    }

    /// <summary>
    /// One attempt at the stages <paramref name="record"/> owes, the program's calls bounded by
    /// <see cref="CheckoutOptions.LoyaltyRetryReadTimeout"/> when <paramref name="bounded"/>; the record
    /// as it should now be stored. Nothing is sent once the gateway gave up.
    /// </summary>
    private async Task<OrderRecord> CatchUpLoyaltyAsync(OrderRecord record, bool bounded, CancellationToken cancellationToken)
    {
        if (record is not { LoyaltyOwed: { GaveUp: false } owed, Loyalty: { } loyalty })
        {
            return record;
        }

        using var timeout = bounded ? new CancellationTokenSource(_options.LoyaltyRetryReadTimeout, _time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var sendToken = linked?.Token ?? cancellationToken;
        var run = await SendStagesAsync(loyalty, owed.Stages, s => SubmitOrderLoyaltyAsync(record, loyalty, s, sendToken), cancellationToken);
        return RecordOwed(record with { Loyalty = loyalty with { Status = run.Status } }, owed, run);
    }

    /// <summary>
    /// The follow-up of one index entry: drops entries whose order owes nothing (or is gone), moves
    /// entries whose retry is not due yet, and otherwise retries under the order's lock. A replica
    /// that finds the lock taken leaves the order to whoever holds it; the entry stays due.
    /// </summary>
    private async Task FollowUpAsync(string key, CancellationToken cancellationToken)
    {
        // The index holds session document keys, so the key's own prefix says whether a cart or an order owes.
        if (key.StartsWith(SessionDocuments.CartKey(string.Empty), StringComparison.Ordinal))
        {
            await FollowUpCartAsync(key, cancellationToken);
            return;
        }

        var stored = await _documents.GetAsync<OrderRecord>(key, cancellationToken);
        if (!await IsDueAsync(key, stored?.Value.LoyaltyOwed, cancellationToken) || stored is not { } found)
        {
            return;
        }

        await using var lease = await _locks.TryAcquireAsync(found.Value.CartId, cancellationToken, TimeSpan.Zero);
        if (lease is null)
        {
            return;
        }

        await CatchUpUnderLockAsync(found.Value.Id, bounded: false, cancellationToken);
    }

    /// <summary>
    /// The follow-up of a cart's entry: the same rules as an order's, the void sent under the cart's lock
    /// after re-reading the cart, so it never overlaps a payment, which drops the void before it pays.
    /// </summary>
    private async Task FollowUpCartAsync(string key, CancellationToken cancellationToken)
    {
        var unlocked = await _documents.GetAsync<CartSession>(key, cancellationToken);
        if (!await IsDueAsync(key, unlocked?.Value.LoyaltyOwed?.Owed, cancellationToken) || unlocked is not { } first)
        {
            return;
        }

        await using var lease = await _locks.TryAcquireAsync(first.Value.Cart.Id, cancellationToken, TimeSpan.Zero);
        if (lease is null)
        {
            return;
        }

        // What was read before the lock may be stale: a payment may have dropped the void meanwhile.
        var stored = await _documents.GetAsync<CartSession>(key, cancellationToken);
        if (stored is not { Value.LoyaltyOwed: { Owed.GaveUp: false } debt } found)
        {
            await _sessions.CancelFollowUpAsync(key, cancellationToken);
            return;
        }

        var session = found.Value with { Cart = found.Value.Cart with { Version = found.Version } };
        var cart = session.Cart;
        var run = await SendStagesAsync(debt.Loyalty, debt.Owed.Stages, s => SendLoyaltyAsync(cart with { Loyalty = debt.Loyalty }, s, cancellationToken), cancellationToken);
        var left = NextOwed(LoyaltyDebtor.Cart, cart.Id, debt.Loyalty.Program, debt.Owed, run);
        if (cart.Loyalty is { } current && current.OrderId == debt.Loyalty.OrderId && current.Status == debt.Loyalty.Status)
        {
            // The cart still stands at the loyalty order that was voided: its next payment opens a new one.
            cart = cart with { Loyalty = current with { Status = run.Status } };
        }

        await SaveCartAsync(session, cart, left is null ? null : debt with { Owed = left }, cancellationToken);
    }

    /// <summary>
    /// Whether an index entry is to be worked on now. When nothing is owed any more (or the session is
    /// gone) the entry is removed; when a read or change retried it since it was scheduled, the entry
    /// moves to the new retry time.
    /// </summary>
    private async Task<bool> IsDueAsync(string key, LoyaltyStagesOwed? owed, CancellationToken cancellationToken)
    {
        if (owed is not { GaveUp: false })
        {
            await _sessions.CancelFollowUpAsync(key, cancellationToken);
            return false;
        }

        if (owed.NextAttemptAt > _time.GetUtcNow())
        {
            await _sessions.ScheduleFollowUpAsync(key, owed.NextAttemptAt, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Re-reads the order under its lock (the caller holds it) and retries what it owes; the order as
    /// stored afterwards, with its version.
    /// </summary>
    private async Task<(OrderRecord Record, long Version)?> CatchUpUnderLockAsync(string orderId, bool bounded, CancellationToken cancellationToken)
    {
        var key = SessionDocuments.OrderKey(orderId);
        var stored = await _documents.GetAsync<OrderRecord>(key, cancellationToken);
        if (stored is not { Value.LoyaltyOwed: { GaveUp: false } } found)
        {
            return stored;
        }

        var caughtUp = await CatchUpLoyaltyAsync(found.Value, bounded, cancellationToken);
        await PutOrderUnderLockAsync(caughtUp, found.Value.LoyaltyOwed, found.Version, current => current with { Loyalty = caughtUp.Loyalty, LoyaltyOwed = caughtUp.LoyaltyOwed }, cancellationToken);
        return await _documents.GetAsync<OrderRecord>(key, cancellationToken);
    }

    /// <summary>The record after a run of stages: what it owes from now on (see <see cref="NextOwed"/>).</summary>
    private OrderRecord RecordOwed(OrderRecord record, LoyaltyStagesOwed? before, StageRun run) =>
        record with { LoyaltyOwed = NextOwed(LoyaltyDebtor.Order, record.Id, record.Loyalty?.Program ?? string.Empty, before, run) };

    /// <summary>
    /// What a debtor owes after a run of stages: nothing when all were taken, else what is left with the
    /// next retry after an exponential backoff, or given up once retries have gone on long enough. Logs
    /// each outcome, naming the order or the cart.
    /// </summary>
    private LoyaltyStagesOwed? NextOwed(LoyaltyDebtor debtor, string id, string program, LoyaltyStagesOwed? before, StageRun run)
    {
        if (run.Owed.Count == 0)
        {
            if (before is not null)
            {
                var stages = string.Join(",", before.Stages);
                if (debtor == LoyaltyDebtor.Cart)
                {
                    CheckoutLog.LoyaltyCartStagesCaughtUp(_logger, stages, id, program, before.Attempts);
                }
                else
                {
                    CheckoutLog.LoyaltyStagesCaughtUp(_logger, stages, id, program, before.Attempts);
                }
            }

            return null;
        }

        var now = _time.GetUtcNow();
        // A new failure after the gateway gave up (an explicit refund, say) starts a new series of retries.
        var continuing = before is { GaveUp: false };
        var since = continuing ? before!.Since : now;
        var attempts = (continuing ? before!.Attempts : 0) + 1;
        var code = run.Code ?? "UNKNOWN";
        var owed = string.Join(",", run.Owed);
        if (now - since >= _options.LoyaltyRetryGiveUpAfter)
        {
            if (debtor == LoyaltyDebtor.Cart)
            {
                CheckoutLog.LoyaltyCartRetryGaveUp(_logger, owed, id, program, attempts, since, code);
            }
            else
            {
                CheckoutLog.LoyaltyRetryGaveUp(_logger, owed, id, program, attempts, since, code);
            }

            return new LoyaltyStagesOwed(run.Owed, since, attempts, now, code, GaveUp: true);
        }

        var next = now + Backoff(attempts);
        if (debtor == LoyaltyDebtor.Cart)
        {
            CheckoutLog.LoyaltyCartStageOwed(_logger, run.Owed[0].ToString(), id, program, code, owed, next);
        }
        else
        {
            CheckoutLog.LoyaltyStageFailed(_logger, run.Owed[0].ToString(), id, program, code, owed, next);
        }

        return new LoyaltyStagesOwed(run.Owed, since, attempts, next, code);
    }

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: the backoff doubled each time, capped.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var doublings = Math.Min(attempts - 1, 30);
        var wait = _options.LoyaltyRetryBackoff * Math.Pow(2, doublings);
        return wait < _options.LoyaltyRetryMaxBackoff ? wait : _options.LoyaltyRetryMaxBackoff;
    }

    private Task<LoyaltyOrderResult> SubmitOrderLoyaltyAsync(OrderRecord record, LoyaltyAttachment loyalty, LoyaltyOrderStatus stage, CancellationToken cancellationToken)
    {
        var items = record.Order.Lines.Select(l => new LoyaltyItem(l.MerchandiseId, l.Title ?? l.MerchandiseId, l.Quantity, l.Total with { Amount = l.Total.Amount / Math.Max(1, l.Quantity) })).ToList();
        var subtotal = record.Order.Lines.Count == 0 ? record.Order.Total : record.Order.Lines.Aggregate(Money.Zero(record.Order.Total.Currency), (sum, l) => sum + l.Total);
        return _channels.GetLoyaltyBackend(loyalty.Program).SubmitOrderAsync(
            new LoyaltyOrder(loyalty.OrderId ?? record.CartId, loyalty.MemberId, loyalty.StoreCode, stage, items, subtotal, loyalty.RewardId, loyalty.Discount), cancellationToken);
    }
}
