using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Checkout;

/// <summary>
/// Loyalty follow-up: a stage the program did not take after money moved is owed by the order
/// (<see cref="OrderRecord.LoyaltyOwed"/>) and sent again on the order's next read or change, and by
/// <see cref="LoyaltyFollowUpService"/> on every replica with exponential backoff, until the program
/// takes it or <see cref="CheckoutOptions.LoyaltyRetryGiveUpAfter"/> passes. Each attempt holds the
/// order's cart lock and re-reads the order under it, so two replicas never send a stage at once;
/// a stage sent again after a lost answer is a replay the program ignores.
/// </summary>
internal sealed class LoyaltyFollowUp(
    SessionDocuments documents,
    ISessionStore sessions,
    CartLocks locks,
    CartSessions carts,
    OrderRecords orders,
    LoyaltyStages stages,
    LoyaltyDebts debts,
    TimeProvider time,
    ILogger<LoyaltyFollowUp> logger)
{
    /// <summary>The most orders one background pass looks at; the rest wait for the next pass.</summary>
    private const int FollowUpBatch = 50;

    /// <summary>
    /// One background pass: retries the owed stages of every order whose retry is due. A failure with
    /// one order (state store or program down) is logged and leaves it for the next pass.
    /// </summary>
    /// <returns>How many orders were looked at.</returns>
    public async Task<int> RetryDueLoyaltyAsync(CancellationToken cancellationToken)
    {
        var due = await sessions.GetDueFollowUpsAsync(time.GetUtcNow(), FollowUpBatch, cancellationToken);
        foreach (var key in due)
        {
            try
            {
                await FollowUpAsync(key, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                CheckoutLog.LoyaltyFollowUpFailed(logger, key, e.GetType().Name, e);
            }
        }

        return due.Count;
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

        var stored = await documents.GetAsync<OrderRecord>(key, cancellationToken);
        if (!await IsDueAsync(key, stored?.Value.LoyaltyOwed, cancellationToken) || stored is not { } found)
        {
            return;
        }

        await using var lease = await locks.TryAcquireAsync(found.Value.CartId, cancellationToken, TimeSpan.Zero);
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
        var unlocked = await documents.GetAsync<CartSession>(key, cancellationToken);
        if (!await IsDueAsync(key, unlocked?.Value.LoyaltyOwed?.Owed, cancellationToken) || unlocked is not { } first)
        {
            return;
        }

        await using var lease = await locks.TryAcquireAsync(first.Value.Cart.Id, cancellationToken, TimeSpan.Zero);
        if (lease is null)
        {
            return;
        }

        // What was read before the lock may be stale: a payment may have dropped the void meanwhile.
        var stored = await documents.GetAsync<CartSession>(key, cancellationToken);
        if (stored is not { Value.LoyaltyOwed: { Owed.GaveUp: false } debt } found)
        {
            await sessions.CancelFollowUpAsync(key, cancellationToken);
            return;
        }

        var session = found.Value with { Cart = found.Value.Cart with { Version = found.Version } };
        var cart = session.Cart;
        var run = await LoyaltyStages.SendStagesAsync(debt.Loyalty, debt.Owed.Stages, s => stages.SendLoyaltyAsync(cart with { Loyalty = debt.Loyalty }, s, cancellationToken), cancellationToken);
        var left = debts.NextOwed(LoyaltyDebtor.Cart, cart.Id, debt.Loyalty.Program, debt.Owed, run);
        if (cart.Loyalty is { } current && current.OrderId == debt.Loyalty.OrderId && current.Status == debt.Loyalty.Status)
        {
            // The cart still stands at the loyalty order that was voided: its next payment opens a new one.
            cart = cart with { Loyalty = current with { Status = run.Status } };
        }

        await carts.SaveCartAsync(session, cart, left is null ? null : debt with { Owed = left }, cancellationToken);
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
            await sessions.CancelFollowUpAsync(key, cancellationToken);
            return false;
        }

        if (owed.NextAttemptAt > time.GetUtcNow())
        {
            await sessions.ScheduleFollowUpAsync(key, owed.NextAttemptAt, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Re-reads the order under its lock (the caller holds it) and retries what it owes; the order as
    /// stored afterwards, with its version.
    /// </summary>
    public async Task<(OrderRecord Record, long Version)?> CatchUpUnderLockAsync(string orderId, bool bounded, CancellationToken cancellationToken)
    {
        var key = SessionDocuments.OrderKey(orderId);
        var stored = await documents.GetAsync<OrderRecord>(key, cancellationToken);
        if (stored is not { Value.LoyaltyOwed: { GaveUp: false } } found)
        {
            return stored;
        }

        var caughtUp = await stages.CatchUpLoyaltyAsync(found.Value, bounded, cancellationToken);
        await orders.PutOrderUnderLockAsync(caughtUp, found.Value.LoyaltyOwed, found.Version, current => current with { Loyalty = caughtUp.Loyalty, LoyaltyOwed = caughtUp.LoyaltyOwed }, cancellationToken);
        return await documents.GetAsync<OrderRecord>(key, cancellationToken);
    }
}
