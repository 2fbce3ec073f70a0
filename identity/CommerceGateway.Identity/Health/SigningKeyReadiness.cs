using CommerceGateway.Identity.Keys;

namespace CommerceGateway.Identity;

/// <summary>
/// Tells a host whether the token service can sign: its keys load from the key store (creating the
/// first one if none exists), exactly as the token endpoint would load them.
/// </summary>
public sealed class SigningKeyReadiness
{
    private readonly SigningKeyManager _keys;

    internal SigningKeyReadiness(SigningKeyManager keys) => _keys = keys;

    /// <summary>Loads the current key set (from the cache while it is fresh) and describes it.</summary>
    /// <param name="cancellationToken">Cancels the wait for the key store.</param>
    /// <returns>The active key and how many keys are published.</returns>
    /// <exception cref="Exception">The key store failed; the exception is the store's own.</exception>
    public async Task<SigningKeyStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var set = await _keys.GetKeySetAsync(cancellationToken).ConfigureAwait(false);
        return new SigningKeyStatus(set.Active.KeyId, set.Active.Algorithm, set.Published.Count);
    }
}
