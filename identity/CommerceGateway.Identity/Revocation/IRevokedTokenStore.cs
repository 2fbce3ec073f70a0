namespace CommerceGateway.Identity;

/// <summary>
/// The list of revoked access token ids (<c>jti</c>), shared by every replica that validates tokens. An
/// entry only has to outlive the token it names. The default keeps entries in memory
/// (<see cref="InMemoryRevokedTokenStore"/>); register another implementation (for example on the shared
/// Redis state store) so every replica rejects a revoked token.
/// </summary>
/// <remarks>
/// A store that cannot be reached throws <see cref="IdentityStoreUnavailableException"/>: token
/// validation then fails closed with 503 (the token is neither accepted nor called invalid) and the
/// OAuth endpoints answer <c>temporarily_unavailable</c>.
/// </remarks>
public interface IRevokedTokenStore
{
    /// <summary>Adds a token id to the list until <paramref name="expiresAt"/>. Revoking twice is harmless.</summary>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    /// <param name="expiresAt">The token's <c>exp</c>; the entry may be dropped after it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when every replica will see the entry.</returns>
    Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Whether a token id is on the list.</summary>
    /// <param name="tokenId">The token's <c>jti</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when the token was revoked and has not expired yet.</returns>
    Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken);
}
