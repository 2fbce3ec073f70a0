using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.Options;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// The stored bookings: loaded for their owner only, and changed by a commit or purchase once per
/// idempotency key under the lock of the booking's cart, on the booking as its backend has it now.
/// </summary>
internal sealed class BookingRecords(IChannelRegistry channels, SessionDocuments documents, CartLocks locks, IdempotentCall idempotent, IOptions<CheckoutOptions> options)
{
    private readonly CheckoutOptions _options = options.Value;

    /// <summary>
    /// Runs a commit or purchase once per key, under the lock of the booking's cart, on the booking as
    /// its backend has it now: the stored one may be behind a step another replica took.
    /// </summary>
    public async Task<CheckoutResult<T>> RunBookingStepAsync<T>(
        string scope,
        ClientContext client,
        BookingRecord stored,
        string idempotencyKey,
        string fingerprint,
        Func<CommerceBackend, (BookingRecord Record, long Version), CancellationToken, Task<CheckoutResult<T>>> run,
        CancellationToken cancellationToken)
        where T : class
    {
        return await idempotent.RunAsync(
            scope,
            client,
            idempotencyKey,
            fingerprint,
            async ct =>
            {
                await using var lease = await locks.TryAcquireAsync(stored.Booking.CartId ?? stored.Id, ct);
                if (lease is null)
                {
                    return (CheckoutResult.Fail<T>(CommerceErrorCodes.Conflict, "Another change to this booking is in progress; read it and retry."), null);
                }

                if (await LoadBookingAsync(client, stored.Id, ct) is not { } found)
                {
                    return (NotFound<T>("booking", stored.Id), null);
                }

                try
                {
                    var backend = channels.GetCommerceBackend(found.Record.Booking.Channel);
                    var fresh = await backend.GetBookingAsync(found.Record.Booking, ct);
                    var result = await run(backend, (found.Record with { Booking = fresh }, found.Version), ct);
                    return (result, result.Value is { } done ? System.Text.Json.JsonSerializer.Serialize(done, CheckoutJson.Options) : null);
                }
                catch (CommerceException e) when (!e.IsFault)
                {
                    return (Fail<T>(e), null);
                }
            },
            (receipt, _) => Task.FromResult(CheckoutResult.Ok(System.Text.Json.JsonSerializer.Deserialize<T>(receipt, CheckoutJson.Options)!)),
            cancellationToken);
    }

    /// <summary>
    /// Stores the booking for a caller holding its lock. Reads store the refreshed booking without the
    /// lock, so a version conflict is such a read; the holder's booking, read after the change, wins.
    /// </summary>
    public async Task<BookingRecord> PutBookingUnderLockAsync(BookingRecord record, long expectedVersion, CancellationToken cancellationToken)
    {
        var key = SessionDocuments.BookingKey(record.Id);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await documents.PutAsync(key, record, expectedVersion, _options.OrderLifetime, cancellationToken);
                return record;
            }
            catch (SessionVersionConflictException) when (attempt < 3)
            {
                expectedVersion = (await documents.GetAsync<BookingRecord>(key, cancellationToken))?.Version
                    ?? throw new InvalidOperationException($"Booking '{record.Id}' disappeared while it was being changed.");
            }
        }
    }

    public async Task<(BookingRecord Record, long Version)?> LoadBookingAsync(ClientContext client, string bookingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await documents.GetAsync<BookingRecord>(SessionDocuments.BookingKey(bookingId), cancellationToken);
        return stored is { } found && found.Value.Owner == client.ClientId ? found : null;
    }
}
