using CommerceGateway.Identity.Keys;
using CommerceGateway.Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Identity.Tests.Bearer;

/// <summary>
/// Without <c>Authority</c>, the bearer scheme checks this process's own tokens against its own key
/// set: no request to its metadata or JWKS, and keys known the moment the key store has them.
/// </summary>
public sealed class LocalIssuerValidationTests
{
    [Fact]
    public async Task Bearer_OwnTokens_AreAcceptedWithoutFetchingMetadataOrJwks()
    {
        await using var host = await IdentityTestHost.StartAsync();
        var token = await host.GetTokenAsync();

        var (status, body) = await host.CallApiAsync(token);

        Assert.Equal(200, status);
        Assert.Equal(TestClients.ShopId, body);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("/.well-known/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bearer_KeyAnotherReplicaJustCreated_IsAcceptedOnFirstUse()
    {
        var directory = Directory.CreateTempSubdirectory("identity-local-").FullName;
        try
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
            // This replica would not re-read the key store for an hour on its own.
            await using var verifier = await IdentityTestHost.StartAsync(s => s["Identity:Keys:RefreshInterval"] = "01:00:00", time: time, dataDirectory: directory);
            Assert.Equal(200, (await verifier.CallApiAsync(await verifier.GetTokenAsync())).Status);

            // Another replica adds a key that signs at once (as the first key of a fresh store would) and uses it.
            time.Advance(TimeSpan.FromMinutes(1));
            var newKey = SigningKey.Create("ES256", time.GetUtcNow(), time.GetUtcNow());
            await new FileSigningKeyStore(Path.Combine(directory, "keys")).AddKeyAsync(newKey.Record, CancellationToken.None);
            await using var signer = await IdentityTestHost.StartAsync(time: time, dataDirectory: directory);
            var token = await signer.GetTokenAsync();

            Assert.Equal(newKey.KeyId, Jwt.Header(token).GetProperty("kid").GetString());
            Assert.Equal(200, (await verifier.CallApiAsync(token)).Status);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Bearer_UnknownKidTwiceWithinRefreshInterval_ReadsTheKeyStoreOnce()
    {
        var reads = 0;
        await using var host = await IdentityTestHost.StartAsync(services: services => services.AddSingleton<ISigningKeyStore>(new CountingKeyStore(() => Interlocked.Increment(ref reads))));
        Assert.Equal(200, (await host.CallApiAsync(await host.GetTokenAsync())).Status);
        var before = Volatile.Read(ref reads);

        var first = await host.CallApiAsync(TokenForge.Sign(TokenForge.UnknownKey(), TokenForge.ValidClaims(host)));
        var second = await host.CallApiAsync(TokenForge.Sign(TokenForge.UnknownKey(), TokenForge.ValidClaims(host)));

        Assert.Equal(401, first.Status);
        Assert.Equal(401, second.Status);
        Assert.Equal(before + 1, Volatile.Read(ref reads));
    }

    /// <summary>A memory store that counts reads, to see when the key manager goes back to its store.</summary>
    private sealed class CountingKeyStore(Action onRead) : ISigningKeyStore
    {
        private readonly InMemorySigningKeyStore _inner = new();

        public Task<IReadOnlyList<SigningKeyRecord>> GetKeysAsync(CancellationToken cancellationToken)
        {
            onRead();
            return _inner.GetKeysAsync(cancellationToken);
        }

        public Task AddKeyAsync(SigningKeyRecord key, CancellationToken cancellationToken) => _inner.AddKeyAsync(key, cancellationToken);

        public Task RemoveKeyAsync(string keyId, CancellationToken cancellationToken) => _inner.RemoveKeyAsync(keyId, cancellationToken);
    }
}
