namespace CommerceGateway.Checkout.State;

/// <summary>Ids (jti) of access tokens revoked before they expire, kept until they would have expired.</summary>
public interface IRevokedTokenStore
{
    /// <summary>Revokes a token until <paramref name="expiresAt"/>; a time in the past does nothing.</summary>
    /// <param name="tokenId">The token's jti.</param>
    /// <param name="expiresAt">The token's own expiry.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct = default);

    /// <summary>Whether a token is revoked.</summary>
    /// <param name="tokenId">The token's jti.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>True while the revocation lasts.</returns>
    Task<bool> IsRevokedAsync(string tokenId, CancellationToken ct = default);
}
