namespace CommerceGateway.Checkout.State;

/// <summary>
/// Ids of one-time tokens already used (the <c>jti</c> of private_key_jwt client assertions), kept until
/// the token would have expired, so a token is accepted once across every replica.
/// </summary>
public interface IUsedTokenIdStore
{
    /// <summary>
    /// Marks a token id used until <paramref name="expiresAt"/>, unless it is marked already: one atomic
    /// step, so of two callers racing on one id exactly one wins.
    /// </summary>
    /// <param name="tokenId">The token's id.</param>
    /// <param name="expiresAt">The token's own expiry; a time in the past marks nothing and returns false.</param>
    /// <param name="ct">Cancels the wait for the store.</param>
    /// <returns>True for the first use; false when the id was used before or the token has expired.</returns>
    Task<bool> TryUseAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct = default);
}
