namespace CommerceGateway.Identity;

/// <summary>
/// Where signing keys persist, so tokens survive restarts and every replica signs and verifies with the
/// same keys. The default is <see cref="FileSigningKeyStore"/> in <see cref="IdentityOptions.DataDirectory"/>;
/// register another implementation (for example on the shared Redis state store) to replace it.
/// </summary>
/// <remarks>
/// Replicas may add keys concurrently; every replica picks the same active key from the same set, so
/// a store only has to keep every added key until it is removed.
/// A store that cannot be reached throws <see cref="IdentityStoreUnavailableException"/>, so the
/// endpoints and token validation answer 503 rather than fail as if a token were bad.
/// </remarks>
public interface ISigningKeyStore
{
    /// <summary>Every stored key, in any order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys; empty when none was added yet.</returns>
    Task<IReadOnlyList<SigningKeyRecord>> GetKeysAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new key. Adding a key id that exists again is harmless.</summary>
    /// <param name="key">The key with its private material.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the key is durable.</returns>
    Task AddKeyAsync(SigningKeyRecord key, CancellationToken cancellationToken);

    /// <summary>Deletes a key whose tokens have all expired. Removing an unknown id is harmless.</summary>
    /// <param name="keyId">The key's <c>kid</c>.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the key is gone.</returns>
    Task RemoveKeyAsync(string keyId, CancellationToken cancellationToken);
}
