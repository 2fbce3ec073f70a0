using System.Collections.Concurrent;

namespace CommerceGateway.Identity;

/// <summary>
/// Keeps signing keys in process memory: they are lost on restart, so Development uses it only when no
/// <see cref="IdentityOptions.DataDirectory"/> is set (and says so in the log). Tests use it too.
/// </summary>
public sealed class InMemorySigningKeyStore : ISigningKeyStore
{
    private readonly ConcurrentDictionary<string, SigningKeyRecord> _keys = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<SigningKeyRecord>> GetKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SigningKeyRecord>>([.. _keys.Values]);

    /// <inheritdoc />
    public Task AddKeyAsync(SigningKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        _keys.TryAdd(key.KeyId, key);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        _keys.TryRemove(keyId, out _);
        return Task.CompletedTask;
    }
}
