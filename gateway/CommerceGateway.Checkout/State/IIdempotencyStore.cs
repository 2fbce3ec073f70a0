namespace CommerceGateway.Checkout.State;

/// <summary>
/// Idempotency records: the first request with a key claims it, retries see its progress or its
/// stored result, and a different request with the same key is refused.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for the request with <paramref name="fingerprint"/>, or reports who has it.</summary>
    /// <param name="key">The client's idempotency key.</param>
    /// <param name="fingerprint">A digest of the request (operation and arguments).</param>
    /// <param name="ttl">How long an in-progress claim lives if it is never completed or abandoned.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>New (the caller runs the request), InProgress, Completed (with the result) or Mismatch.</returns>
    Task<IdempotencyBeginResult> BeginAsync(string key, string fingerprint, TimeSpan ttl, CancellationToken ct = default);

    /// <summary>Stores the result of the request that claimed <paramref name="key"/>.</summary>
    /// <param name="key">The client's idempotency key.</param>
    /// <param name="fingerprint">The fingerprint given to <see cref="BeginAsync"/>.</param>
    /// <param name="result">The result to replay to retries.</param>
    /// <param name="ttl">How long the result is kept.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>A task that completes when the result is stored.</returns>
    /// <exception cref="IdempotencyKeyMismatchException">The key belongs to a different request.</exception>
    Task CompleteAsync(string key, string fingerprint, string result, TimeSpan ttl, CancellationToken ct = default);

    /// <summary>Drops an in-progress claim so that a retry can run; completed records are kept.</summary>
    /// <param name="key">The client's idempotency key.</param>
    /// <param name="fingerprint">The fingerprint given to <see cref="BeginAsync"/>.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>A task that completes when the claim is dropped.</returns>
    Task AbandonAsync(string key, string fingerprint, CancellationToken ct = default);
}
