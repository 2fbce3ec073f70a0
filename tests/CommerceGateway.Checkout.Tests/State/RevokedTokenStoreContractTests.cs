using CommerceGateway.Checkout.State;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>What every <see cref="IRevokedTokenStore"/> must do; derived once per implementation.</summary>
public abstract class RevokedTokenStoreContractTests : IDisposable
{
    private IRevokedTokenStore? _store;

    /// <summary>A lifetime that <see cref="PassTimeAsync"/> can outlast quickly.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    protected IRevokedTokenStore Store => _store ??= CreateStore();

    /// <summary>The clock the store reads, for computing token expiries.</summary>
    protected abstract TimeProvider Clock { get; }

    protected abstract IRevokedTokenStore CreateStore();

    protected abstract Task PassTimeAsync(TimeSpan duration);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    [Fact]
    public async Task IsRevokedAsync_RevokedToken_ReturnsTrue()
    {
        await Store.RevokeAsync("jti-1", Clock.GetUtcNow().AddMinutes(10));

        Assert.True(await Store.IsRevokedAsync("jti-1"));
        Assert.False(await Store.IsRevokedAsync("jti-2"));
    }

    [Fact]
    public async Task IsRevokedAsync_AfterTokenExpiry_ReturnsFalse()
    {
        await Store.RevokeAsync("jti-1", Clock.GetUtcNow() + ShortTtl);
        Assert.True(await Store.IsRevokedAsync("jti-1"));

        await PassTimeAsync(ShortTtl * 2);

        Assert.False(await Store.IsRevokedAsync("jti-1"));
    }

    [Fact]
    public async Task RevokeAsync_AlreadyExpiredToken_StoresNothing()
    {
        await Store.RevokeAsync("jti-1", Clock.GetUtcNow().AddSeconds(-1));

        Assert.False(await Store.IsRevokedAsync("jti-1"));
    }

    [Fact]
    public async Task RevokeAsync_EmptyTokenId_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RevokeAsync("", Clock.GetUtcNow().AddMinutes(1)));
    }
}
