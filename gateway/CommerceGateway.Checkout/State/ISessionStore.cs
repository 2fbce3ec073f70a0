namespace CommerceGateway.Checkout.State;

/// <summary>
/// Checkout session documents with optimistic versioning and a sliding time to live.
/// Implementations throw <see cref="CommerceGateway.Adapters.State.StateStoreUnavailableException"/>
/// when the backing store cannot be reached in time.
/// </summary>
public interface ISessionStore
{
    /// <summary>Reads a session; a read extends its life by the TTL given at the last write.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>The document and its version, or null when there is none (or it expired).</returns>
    Task<VersionedDocument?> GetAsync(string sessionId, CancellationToken ct = default);

    /// <summary>
    /// Writes a session when its current version is <paramref name="expectedVersion"/>
    /// (0 creates it and fails when it exists).
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="document">The whole document.</param>
    /// <param name="expectedVersion">The version the caller read, or 0 to create.</param>
    /// <param name="ttl">How long the session lives after this write and after each read.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="SessionVersionConflictException">The session's version is not <paramref name="expectedVersion"/>.</exception>
    Task<long> PutAsync(string sessionId, string document, long expectedVersion, TimeSpan ttl, CancellationToken ct = default);

    /// <summary>Deletes a session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>True when it existed.</returns>
    Task<bool> DeleteAsync(string sessionId, CancellationToken ct = default);

    /// <summary>
    /// Puts <paramref name="sessionId"/> in the follow-up index, due at <paramref name="dueAt"/> (moving it
    /// when it is there already), so a background worker on any replica finds sessions with work left
    /// without scanning keys. The index is a hint: entries do not expire with their session, and the
    /// session document stays the truth.
    /// </summary>
    /// <param name="sessionId">The session with work left.</param>
    /// <param name="dueAt">When the work is next due.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>A task that completes once the entry is stored.</returns>
    Task ScheduleFollowUpAsync(string sessionId, DateTimeOffset dueAt, CancellationToken ct = default);

    /// <summary>Takes <paramref name="sessionId"/> out of the follow-up index; nothing happens when it is not there.</summary>
    /// <param name="sessionId">The session whose work is done.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>A task that completes once the entry is gone.</returns>
    Task CancelFollowUpAsync(string sessionId, CancellationToken ct = default);

    /// <summary>The sessions of the follow-up index due at or before <paramref name="until"/>, earliest first.</summary>
    /// <param name="until">The latest due time to return.</param>
    /// <param name="limit">At most this many (positive).</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>The due session ids; entries stay until cancelled or rescheduled.</returns>
    Task<IReadOnlyList<string>> GetDueFollowUpsAsync(DateTimeOffset until, int limit, CancellationToken ct = default);
}
