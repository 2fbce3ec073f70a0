using CommerceGateway.Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Tests.Keys;

public sealed class KeyStoreSelectionTests
{
    [Fact]
    public async Task Start_NoDataDirectoryOutsideDevelopment_FailsNamingTheKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            IdentityTestHost.StartAsync(s => s.Remove("Identity:DataDirectory")));

        Assert.Contains("Identity:DataDirectory is required outside Development", exception.Message);
    }

    [Fact]
    public async Task Start_NoDataDirectoryInDevelopment_UsesMemoryKeysAndSaysSo()
    {
        await using var host = await IdentityTestHost.StartAsync(s => s.Remove("Identity:DataDirectory"), environment: "Development");

        Assert.Equal(200, (await host.CallApiAsync(await host.GetTokenAsync())).Status);
        Assert.Contains(host.Logs.Lines, line => line.Contains("[3012]", StringComparison.Ordinal) && line.StartsWith("Warning", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "keys")));
    }

    [Fact]
    public async Task Start_CustomKeyStore_ReplacesFileStore()
    {
        var store = new InMemorySigningKeyStore();
        await using var host = await IdentityTestHost.StartAsync(
            s => s.Remove("Identity:DataDirectory"),
            services: services => services.AddSingleton<ISigningKeyStore>(store));

        var token = await host.GetTokenAsync();

        var key = Assert.Single(await store.GetKeysAsync(CancellationToken.None));
        Assert.Equal(key.KeyId, Jwt.Header(token).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Start_CustomRevocationStore_IsUsedByRevocationAndBearer()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryRevokedTokenStore(time);
        await using var host = await IdentityTestHost.StartAsync(time: time, services: services => services.AddSingleton<IRevokedTokenStore>(store));
        var token = await host.GetTokenAsync();
        var tokenId = Jwt.Payload(token).GetProperty("jti").GetString()!;

        await store.RevokeAsync(tokenId, time.GetUtcNow().AddHours(1), CancellationToken.None);

        Assert.Equal(401, (await host.CallApiAsync(token)).Status);
    }

    [Fact]
    public void SigningKeyRecord_ToString_LeavesOutPrivateKey()
    {
        var record = new SigningKeyRecord("kid", "ES256", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "-----BEGIN PRIVATE KEY-----secret");

        Assert.DoesNotContain("PRIVATE", record.ToString(), StringComparison.Ordinal);
    }
}
