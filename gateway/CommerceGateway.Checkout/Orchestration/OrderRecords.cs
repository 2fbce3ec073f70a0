using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout;

/// <summary>
/// The stored orders, which payments, bookings, order changes and the loyalty follow-up all write:
/// loaded for their owner only, written with a version check, the follow-up index kept in step with
/// the loyalty stages an order owes.
/// </summary>
internal sealed class OrderRecords(SessionDocuments documents, ISessionStore sessions, IOptions<CheckoutOptions> options)
{
    private readonly CheckoutOptions _options = options.Value;

    public async Task<(OrderRecord Record, long Version)?> LoadOrderAsync(ClientContext client, string orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await documents.GetAsync<OrderRecord>(SessionDocuments.OrderKey(orderId), cancellationToken);
        return stored is { } found && found.Value.Owner == client.ClientId ? found : null;
    }

    public async Task<OrderRecord> SaveOrderAsync(OrderRecord record, CancellationToken cancellationToken, long? knownVersion = null)
    {
        var version = knownVersion ?? (await documents.GetAsync<OrderRecord>(SessionDocuments.OrderKey(record.Id), cancellationToken))?.Version ?? 0;
        await PutOrderAsync(record, before: null, version, cancellationToken);
        return record;
    }

    /// <summary>
    /// Writes the order for a caller holding its lock. Reads store the refreshed order without the lock,
    /// so a version conflict here is such a read, which changed neither the loyalty fields nor anything
    /// the lock holder decided: <paramref name="merge"/> puts the holder's outcome onto the order as it
    /// now is, and the write is repeated.
    /// </summary>
    /// <returns>The order as stored.</returns>
    public async Task<OrderRecord> PutOrderUnderLockAsync(OrderRecord record, LoyaltyStagesOwed? before, long expectedVersion, Func<OrderRecord, OrderRecord> merge, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PutOrderAsync(record, before, expectedVersion, cancellationToken);
                return record;
            }
            catch (SessionVersionConflictException) when (attempt < 3)
            {
                var current = await documents.GetAsync<OrderRecord>(SessionDocuments.OrderKey(record.Id), cancellationToken)
                    ?? throw new InvalidOperationException($"Order '{record.Id}' disappeared while it was being changed.");
                record = merge(current.Value);
                expectedVersion = current.Version;
            }
        }
    }

    /// <summary>
    /// Writes the order at <paramref name="expectedVersion"/> and keeps the follow-up index in step with
    /// what it owes (<paramref name="before"/>: what the stored order owed). The entry is added before the
    /// write and removed after it, so a crash in between leaves an entry the follow-up drops, never a
    /// debt no replica looks for.
    /// </summary>
    /// <returns>The new version.</returns>
    private async Task<long> PutOrderAsync(OrderRecord record, LoyaltyStagesOwed? before, long expectedVersion, CancellationToken cancellationToken)
    {
        var key = SessionDocuments.OrderKey(record.Id);
        if (record.LoyaltyOwed is { GaveUp: false } owed)
        {
            await sessions.ScheduleFollowUpAsync(key, owed.NextAttemptAt, cancellationToken);
        }

        var version = await documents.PutAsync(key, record, expectedVersion, _options.OrderLifetime, cancellationToken);
        if (before is { GaveUp: false } && record.LoyaltyOwed is not { GaveUp: false })
        {
            await sessions.CancelFollowUpAsync(key, cancellationToken);
        }

        return version;
    }
}
