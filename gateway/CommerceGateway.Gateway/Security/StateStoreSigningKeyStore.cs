using System.Text.Json;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Security;

/// <summary>
/// Identity's signing keys as one versioned document in the shared state store, so every replica
/// signs and verifies with the same keys and tokens survive restarts. Concurrent changes by two
/// replicas are serialised by the store's optimistic version check. An outage of the store reaches
/// identity as <see cref="IdentityStoreUnavailableException"/>.
/// </summary>
/// <remarks>
/// The state store offers versioned documents with a sliding time to live and nothing durable
/// without one. Every replica re-reads the keys each <c>Identity:Keys:RefreshInterval</c>, which
/// slides the document's life; it can only lapse after the whole deployment has been down for
/// <see cref="DocumentLifetime"/>, far longer than any token lives, so no valid token is lost.
/// </remarks>
internal sealed class StateStoreSigningKeyStore(ISessionStore store) : ISigningKeyStore
{
    /// <summary>The document's id in the store.</summary>
    public const string DocumentId = "identity:signing-keys";

    /// <summary>How long the document lives after its last read or write.</summary>
    public static readonly TimeSpan DocumentLifetime = TimeSpan.FromDays(30);

    private const int MaxAttempts = 8;

    public async Task<IReadOnlyList<SigningKeyRecord>> GetKeysAsync(CancellationToken cancellationToken)
    {
        try
        {
            var document = await store.GetAsync(DocumentId, cancellationToken).ConfigureAwait(false);
            return document is null ? [] : Parse(document.Document);
        }
        catch (StateStoreUnavailableException e)
        {
            throw new IdentityStoreUnavailableException(e.Message, e);
        }
    }

    public Task AddKeyAsync(SigningKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ChangeOrUnavailableAsync(keys => keys.Any(k => k.KeyId == key.KeyId) ? null : [.. keys, key], cancellationToken);
    }

    public Task RemoveKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        return ChangeOrUnavailableAsync(keys => keys.Any(k => k.KeyId == keyId) ? [.. keys.Where(k => k.KeyId != keyId)] : null, cancellationToken);
    }

    private async Task ChangeOrUnavailableAsync(Func<IReadOnlyList<SigningKeyRecord>, List<SigningKeyRecord>?> change, CancellationToken cancellationToken)
    {
        try
        {
            await ChangeAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreUnavailableException e)
        {
            throw new IdentityStoreUnavailableException(e.Message, e);
        }
    }

    /// <summary>Reads, changes and writes the key list, again from the top when another replica wrote first.</summary>
    private async Task ChangeAsync(Func<IReadOnlyList<SigningKeyRecord>, List<SigningKeyRecord>?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(DocumentId, cancellationToken).ConfigureAwait(false);
            var changed = change(current is null ? [] : Parse(current.Document));
            if (changed is null)
            {
                return;
            }

            try
            {
                var json = JsonSerializer.Serialize(changed, SigningKeyJson.Default.ListSigningKeyRecord);
                await store.PutAsync(DocumentId, json, current?.Version ?? 0, DocumentLifetime, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SessionVersionConflictException) when (attempt < MaxAttempts)
            {
                // Another replica changed the keys since the read: apply the change to its version.
            }
        }
    }

    private static List<SigningKeyRecord> Parse(string json) =>
        JsonSerializer.Deserialize(json, SigningKeyJson.Default.ListSigningKeyRecord)
        ?? throw new InvalidDataException($"The state store document '{DocumentId}' is not a list of signing keys.");
}
