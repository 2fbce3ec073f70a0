using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Keys;

public sealed class KeyRotationTests
{
    private static void FastRotation(Dictionary<string, string?> settings)
    {
        settings["Identity:Keys:RotationInterval"] = "02:00:00";
        settings["Identity:Keys:PublishAhead"] = "00:10:00";
    }

    [Fact]
    public async Task Rotation_SuccessorKey_IsPublishedBeforeItSigns()
    {
        await using var host = await IdentityTestHost.StartAsync(FastRotation);
        var first = Jwt.Header(await host.GetTokenAsync()).GetProperty("kid").GetString()!;

        host.Time.Advance(TimeSpan.FromMinutes(115));
        var kids = await KidsAsync(host);
        var stillFirst = Jwt.Header(await host.GetTokenAsync()).GetProperty("kid").GetString();

        Assert.Equal(2, kids.Length);
        Assert.Contains(first, kids);
        Assert.Equal(first, stillFirst);
    }

    [Fact]
    public async Task Rotation_OldTokens_StayValidAfterNewKeySigns()
    {
        await using var host = await IdentityTestHost.StartAsync(FastRotation);
        var early = await host.GetTokenAsync();
        Assert.Equal(200, (await host.CallApiAsync(early)).Status);

        host.Time.Advance(TimeSpan.FromMinutes(115));
        var beforeRotation = await host.GetTokenAsync();
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var afterRotation = await host.GetTokenAsync();

        Assert.NotEqual(Jwt.Header(beforeRotation).GetProperty("kid").GetString(), Jwt.Header(afterRotation).GetProperty("kid").GetString());
        Assert.Equal(200, (await host.CallApiAsync(beforeRotation)).Status);
        Assert.Equal(200, (await host.CallApiAsync(afterRotation)).Status);
        Assert.True((await host.IntrospectAsync(beforeRotation)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Rotation_RetiredKey_LeavesJwksAfterItsLastTokenExpires()
    {
        await using var host = await IdentityTestHost.StartAsync(FastRotation);
        var firstKid = Jwt.Header(await host.GetTokenAsync()).GetProperty("kid").GetString()!;
        host.Time.Advance(TimeSpan.FromMinutes(115));
        await host.GetTokenAsync();
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var secondKid = Jwt.Header(await host.GetTokenAsync()).GetProperty("kid").GetString()!;

        // The successor activated at minute 125 (published at 115, 10 minutes ahead). The first key's last
        // token was signed just before that and lives 1h, plus 5 minutes' grace: the key goes at minute 190.
        host.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Contains(firstKid, await KidsAsync(host));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var kids = await KidsAsync(host);

        Assert.Equal([secondKid], kids);
        Assert.Single(Directory.GetFiles(Path.Combine(host.DataDirectory, "keys"), "*.json"));
    }

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsKeysAndTokensValid()
    {
        var directory = Directory.CreateTempSubdirectory("identity-restart-").FullName;
        try
        {
            string token;
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
            await using (var before = await IdentityTestHost.StartAsync(time: time, dataDirectory: directory))
            {
                token = await before.GetTokenAsync();
            }

            await using var after = await IdentityTestHost.StartAsync(time: time, dataDirectory: directory);

            Assert.Equal(200, (await after.CallApiAsync(token)).Status);
            Assert.True((await after.IntrospectAsync(token)).GetProperty("active").GetBoolean());
            Assert.Equal(Jwt.Header(token).GetProperty("kid").GetString(), Jwt.Header(await after.GetTokenAsync()).GetProperty("kid").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Replicas_SharingKeyStore_ValidateEachOthersTokens()
    {
        var directory = Directory.CreateTempSubdirectory("identity-replicas-").FullName;
        try
        {
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var first = await IdentityTestHost.StartAsync(time: time, dataDirectory: directory);
            await using var second = await IdentityTestHost.StartAsync(time: time, dataDirectory: directory);

            var token = await first.GetTokenAsync();

            Assert.Equal(200, (await second.CallApiAsync(token)).Status);
            Assert.Equal(Jwt.Header(token).GetProperty("kid").GetString(), Jwt.Header(await second.GetTokenAsync()).GetProperty("kid").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FileStore_KeyFiles_AreReadableByOwnerOnly()
    {
        await using var host = await IdentityTestHost.StartAsync();

        var file = Assert.Single(Directory.GetFiles(Path.Combine(host.DataDirectory, "keys"), "*.json"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Contains("PRIVATE KEY", await File.ReadAllTextAsync(file));
    }

    private static async Task<string[]> KidsAsync(IdentityTestHost host)
    {
        var jwks = await host.Client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }
}
