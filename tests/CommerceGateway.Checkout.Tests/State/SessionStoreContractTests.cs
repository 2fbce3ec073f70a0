using CommerceGateway.Checkout.State;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>What every <see cref="ISessionStore"/> must do; derived once per implementation.</summary>
public abstract class SessionStoreContractTests : IDisposable
{
    private ISessionStore? _store;

    /// <summary>A TTL that <see cref="PassTimeAsync"/> can outlast quickly.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    protected ISessionStore Store => _store ??= CreateStore();

    protected abstract ISessionStore CreateStore();

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
    public async Task PutAsync_NewSession_StartsAtVersionOne()
    {
        var version = await Store.PutAsync("s1", """{"step":"email"}""", 0, TimeSpan.FromMinutes(5));

        Assert.Equal(1, version);
        Assert.Equal(new VersionedDocument("""{"step":"email"}""", 1), await Store.GetAsync("s1"));
    }

    [Fact]
    public async Task PutAsync_CurrentVersion_WritesNextVersion()
    {
        await Store.PutAsync("s1", "a", 0, TimeSpan.FromMinutes(5));

        var version = await Store.PutAsync("s1", "b", 1, TimeSpan.FromMinutes(5));

        Assert.Equal(2, version);
        Assert.Equal(new VersionedDocument("b", 2), await Store.GetAsync("s1"));
    }

    [Fact]
    public async Task PutAsync_StaleVersion_ThrowsConflictAndKeepsDocument()
    {
        await Store.PutAsync("s1", "a", 0, TimeSpan.FromMinutes(5));
        await Store.PutAsync("s1", "b", 1, TimeSpan.FromMinutes(5));

        var conflict = await Assert.ThrowsAsync<SessionVersionConflictException>(() => Store.PutAsync("s1", "stale", 1, TimeSpan.FromMinutes(5)));

        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal("s1", conflict.SessionId);
        Assert.Equal(new VersionedDocument("b", 2), await Store.GetAsync("s1"));
    }

    [Fact]
    public async Task PutAsync_CreateWhenSessionExists_ThrowsConflict()
    {
        await Store.PutAsync("s1", "a", 0, TimeSpan.FromMinutes(5));

        var conflict = await Assert.ThrowsAsync<SessionVersionConflictException>(() => Store.PutAsync("s1", "again", 0, TimeSpan.FromMinutes(5)));

        Assert.Equal(1, conflict.CurrentVersion);
    }

    [Fact]
    public async Task PutAsync_UpdateOfMissingSession_ThrowsConflictWithVersionZero()
    {
        var conflict = await Assert.ThrowsAsync<SessionVersionConflictException>(() => Store.PutAsync("missing", "a", 3, TimeSpan.FromMinutes(5)));

        Assert.Equal(0, conflict.CurrentVersion);
        Assert.Null(await Store.GetAsync("missing"));
    }

    [Fact]
    public async Task PutAsync_ConcurrentWritersFromOneVersion_ExactlyOneWins()
    {
        await Store.PutAsync("s1", "base", 0, TimeSpan.FromMinutes(5));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            try
            {
                return await Store.PutAsync("s1", $"writer-{i}", 1, TimeSpan.FromMinutes(5));
            }
            catch (SessionVersionConflictException)
            {
                return -1L;
            }
        })));

        Assert.Single(outcomes, v => v == 2);
        Assert.Equal(63, outcomes.Count(v => v == -1));
        Assert.Equal(2, (await Store.GetAsync("s1"))?.Version);
    }

    [Fact]
    public async Task GetAsync_AfterTtl_ReturnsNull()
    {
        await Store.PutAsync("s1", "a", 0, ShortTtl);

        await PassTimeAsync(ShortTtl * 2);

        Assert.Null(await Store.GetAsync("s1"));
        Assert.Equal(1, await Store.PutAsync("s1", "fresh", 0, ShortTtl));
    }

    [Fact]
    public async Task GetAsync_WithinTtl_SlidesExpiry()
    {
        await Store.PutAsync("s1", "a", 0, ShortTtl * 4);

        // Reads every 2 TTL units keep it alive for 8 units, twice its TTL.
        for (var i = 0; i < 4; i++)
        {
            await PassTimeAsync(ShortTtl * 2);
            Assert.Equal(new VersionedDocument("a", 1), await Store.GetAsync("s1"));
        }

        await PassTimeAsync(ShortTtl * 6);
        Assert.Null(await Store.GetAsync("s1"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingSession_RemovesItOnce()
    {
        await Store.PutAsync("s1", "a", 0, TimeSpan.FromMinutes(5));

        Assert.True(await Store.DeleteAsync("s1"));
        Assert.False(await Store.DeleteAsync("s1"));
        Assert.Null(await Store.GetAsync("s1"));
    }

    [Fact]
    public async Task PutAsync_InvalidArguments_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("", "a", 0, TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PutAsync("s1", "a", -1, TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PutAsync("s1", "a", 0, TimeSpan.Zero));
        Assert.Null(await Store.GetAsync("s1"));
    }

    [Fact]
    public async Task FollowUps_DueOnes_AreFoundEarliestFirst_AndLaterOnesWait()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        await Store.ScheduleFollowUpAsync("order:late", now.AddMinutes(5));
        await Store.ScheduleFollowUpAsync("order:b", now.AddSeconds(-1));
        await Store.ScheduleFollowUpAsync("order:a", now.AddMinutes(-1));

        Assert.Equal(["order:a", "order:b"], await Store.GetDueFollowUpsAsync(now, 10));
        Assert.Equal(["order:a"], await Store.GetDueFollowUpsAsync(now, 1));
        Assert.Equal(["order:a", "order:b", "order:late"], await Store.GetDueFollowUpsAsync(now.AddMinutes(5), 10));
    }

    [Fact]
    public async Task FollowUps_Rescheduled_MovesAndCancelled_IsGone()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        await Store.ScheduleFollowUpAsync("order:a", now.AddMinutes(-1));
        await Store.ScheduleFollowUpAsync("order:b", now.AddMinutes(-1));

        await Store.ScheduleFollowUpAsync("order:a", now.AddMinutes(10));
        await Store.CancelFollowUpAsync("order:b");
        await Store.CancelFollowUpAsync("order:never-scheduled");

        Assert.Empty(await Store.GetDueFollowUpsAsync(now, 10));
        Assert.Equal(["order:a"], await Store.GetDueFollowUpsAsync(now.AddMinutes(10), 10));
    }
}
