namespace CommerceGateway.Identity;

/// <summary>
/// The ids of client assertions (<c>private_key_jwt</c>, RFC 7523) already used, shared by every replica
/// that runs the token service, so an assertion authenticates once (RFC 7523 §3, <c>jti</c>) whichever
/// replica receives it. An entry only has to outlive the assertion it names. The default keeps entries
/// in memory (<see cref="InMemoryUsedAssertionStore"/>); register another implementation (for example on
/// the shared Redis state store) for replicas.
/// </summary>
/// <remarks>
/// A store that cannot be reached throws <see cref="IdentityStoreUnavailableException"/>: the endpoint
/// answers <c>temporarily_unavailable</c> and authenticates nobody.
/// </remarks>
public interface IUsedAssertionStore
{
    /// <summary>
    /// Records an assertion id until <paramref name="expiresAt"/> unless it is recorded already, in one
    /// atomic step (Redis <c>SET NX</c> with an expiry), so two replicas racing on one id cannot both win.
    /// </summary>
    /// <param name="assertionId">The client id and the assertion's <c>jti</c>, as one key.</param>
    /// <param name="expiresAt">When the assertion stops being accepted; the entry may be dropped after it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> for the first use; <see langword="false"/> for a replay or when <paramref name="expiresAt"/> has passed.</returns>
    Task<bool> TryRecordAsync(string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
