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
}
