using CommerceGateway.Checkout.State;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>What every <see cref="IUsedTokenIdStore"/> must do; derived once per implementation.</summary>
public abstract class UsedTokenIdStoreContractTests : IDisposable
{
    private IUsedTokenIdStore? _store;

    /// <summary>A lifetime that <see cref="PassTimeAsync"/> can outlast quickly.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    protected IUsedTokenIdStore Store => _store ??= CreateStore();

    /// <summary>The clock the store reads, for computing token expiries.</summary>
    protected abstract TimeProvider Clock { get; }

    protected abstract IUsedTokenIdStore CreateStore();

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
    public async Task TryUseAsync_SameIdTwice_OnlyFirstSucceeds()
    {
        var expiresAt = Clock.GetUtcNow().AddMinutes(5);

        Assert.True(await Store.TryUseAsync("client:jti-1", expiresAt));
        Assert.False(await Store.TryUseAsync("client:jti-1", expiresAt));
        Assert.True(await Store.TryUseAsync("client:jti-2", expiresAt));
    }

    [Fact]
    public async Task TryUseAsync_AfterTokenExpiry_SucceedsAgain()
    {
        Assert.True(await Store.TryUseAsync("client:jti-1", Clock.GetUtcNow() + ShortTtl));

        await PassTimeAsync(ShortTtl * 2);

        Assert.True(await Store.TryUseAsync("client:jti-1", Clock.GetUtcNow() + ShortTtl));
    }

    [Fact]
    public async Task TryUseAsync_AlreadyExpiredToken_IsRefusedAndMarksNothing()
    {
        Assert.False(await Store.TryUseAsync("client:jti-1", Clock.GetUtcNow().AddSeconds(-1)));

        Assert.True(await Store.TryUseAsync("client:jti-1", Clock.GetUtcNow().AddMinutes(1)));
    }

    [Fact]
    public async Task TryUseAsync_ManyConcurrentCallers_ExactlyOneWins()
    {
        var expiresAt = Clock.GetUtcNow().AddMinutes(5);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Store.TryUseAsync("client:raced", expiresAt))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task TryUseAsync_EmptyTokenId_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryUseAsync("", Clock.GetUtcNow().AddMinutes(1)));
    }
}
