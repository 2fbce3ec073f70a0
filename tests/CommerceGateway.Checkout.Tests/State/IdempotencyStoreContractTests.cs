using CommerceGateway.Checkout.State;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>What every <see cref="IIdempotencyStore"/> must do; derived once per implementation.</summary>
public abstract class IdempotencyStoreContractTests : IDisposable
{
    private static readonly TimeSpan LongTtl = TimeSpan.FromMinutes(10);
    private IIdempotencyStore? _store;

    /// <summary>A TTL that <see cref="PassTimeAsync"/> can outlast quickly.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    protected IIdempotencyStore Store => _store ??= CreateStore();

    protected abstract IIdempotencyStore CreateStore();

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
    public async Task BeginAsync_UnknownKey_ReturnsNew()
    {
        Assert.Equal(IdempotencyBeginResult.New, await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl));
    }

    [Fact]
    public async Task BeginAsync_SameRequestWhileRunning_ReturnsInProgress()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);

        Assert.Equal(IdempotencyBeginResult.InProgress, await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl));
    }

    [Fact]
    public async Task BeginAsync_DifferentRequestSameKey_ReturnsMismatch()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);
        Assert.Equal(IdempotencyBeginResult.Mismatch, await Store.BeginAsync("k1", "pay:cart-1:999", LongTtl));

        await Store.CompleteAsync("k1", "pay:cart-1:100", "order-7", LongTtl);
        Assert.Equal(IdempotencyBeginResult.Mismatch, await Store.BeginAsync("k1", "pay:cart-1:999", LongTtl));
    }

    [Fact]
    public async Task BeginAsync_AfterComplete_ReturnsStoredResult()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);
        await Store.CompleteAsync("k1", "pay:cart-1:100", """{"order":"o-7"}""", LongTtl);

        var again = await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);

        Assert.Equal(IdempotencyStatus.Completed, again.Status);
        Assert.Equal("""{"order":"o-7"}""", again.Result);
    }

    [Fact]
    public async Task CompleteAsync_DifferentFingerprint_ThrowsMismatchAndKeepsClaim()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);

        await Assert.ThrowsAsync<IdempotencyKeyMismatchException>(() => Store.CompleteAsync("k1", "other", "x", LongTtl));

        Assert.Equal(IdempotencyBeginResult.InProgress, await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl));
    }

    [Fact]
    public async Task AbandonAsync_InProgressClaim_LetsRetryRun()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);

        await Store.AbandonAsync("k1", "pay:cart-1:100");

        Assert.Equal(IdempotencyBeginResult.New, await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl));
    }

    [Fact]
    public async Task AbandonAsync_OtherFingerprintOrCompleted_ChangesNothing()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);
        await Store.AbandonAsync("k1", "other");
        Assert.Equal(IdempotencyBeginResult.InProgress, await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl));

        await Store.CompleteAsync("k1", "pay:cart-1:100", "done", LongTtl);
        await Store.AbandonAsync("k1", "pay:cart-1:100");
        Assert.Equal(IdempotencyBeginResult.Completed("done"), await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl));
    }

    [Fact]
    public async Task BeginAsync_AfterClaimTtl_ReturnsNewAgain()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", ShortTtl);

        await PassTimeAsync(ShortTtl * 2);

        Assert.Equal(IdempotencyBeginResult.New, await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl));
    }

    [Fact]
    public async Task CompleteAsync_ResultTtl_ExpiresRecord()
    {
        await Store.BeginAsync("k1", "pay:cart-1:100", LongTtl);
        await Store.CompleteAsync("k1", "pay:cart-1:100", "done", ShortTtl);

        await PassTimeAsync(ShortTtl * 2);

        Assert.Equal(IdempotencyBeginResult.New, await Store.BeginAsync("k1", "pay:cart-1:999", LongTtl));
    }

    [Fact]
    public async Task BeginAsync_ConcurrentFirstRequests_ExactlyOneIsNew()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => Store.BeginAsync("k1", "pay:cart-1:100", LongTtl))));

        Assert.Single(results, r => r.Status == IdempotencyStatus.New);
        Assert.Equal(63, results.Count(r => r.Status == IdempotencyStatus.InProgress));
    }
}
