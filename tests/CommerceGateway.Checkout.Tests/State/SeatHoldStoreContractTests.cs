using CommerceGateway.Adapters.State;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>What every <see cref="ISeatHoldStore"/> must do; derived once per implementation.</summary>
public abstract partial class SeatHoldStoreContractTests : IDisposable
{
    private ISeatHoldStore? _store;

    /// <summary>A TTL that <see cref="PassTimeAsync"/> can outlast quickly.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    protected ISeatHoldStore Store => _store ??= CreateStore();

    protected abstract ISeatHoldStore CreateStore();

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
    public async Task AcquireAsync_FreeSeats_HoldsEverySeatForTheHolder()
    {
        var result = await Store.AcquireAsync("cart-1", ["A1", "A2"], TimeSpan.FromMinutes(5));

        Assert.True(result.Acquired);
        Assert.Empty(result.ConflictingSeatIds);
        Assert.True(result.FencingToken > 0);
        var holds = await Store.GetHoldsAsync("cart-1");
        Assert.Equal(["A1", "A2"], holds.Select(h => h.SeatId));
        Assert.All(holds, h => Assert.Equal(result.FencingToken, h.FencingToken));
        Assert.All(holds, h => Assert.Equal(result.ExpiresAt, h.ExpiresAt));
        var seat = await Store.GetSeatAsync("A2");
        Assert.Equal(new SeatHold("A2", "cart-1", result.ExpiresAt, result.FencingToken), seat);
    }

    [Fact]
    public async Task AcquireAsync_SeatHeldByAnotherHolder_ReportsItAndTakesNothing()
    {
        await Store.AcquireAsync("cart-1", ["A2", "A4"], TimeSpan.FromMinutes(5));

        var result = await Store.AcquireAsync("cart-2", ["A1", "A2", "A3", "A4"], TimeSpan.FromMinutes(5));

        Assert.False(result.Acquired);
        Assert.Equal(["A2", "A4"], result.ConflictingSeatIds.Order(StringComparer.Ordinal));
        Assert.Empty(await Store.GetHoldsAsync("cart-2"));
        Assert.Null(await Store.GetSeatAsync("A1"));
        Assert.Null(await Store.GetSeatAsync("A3"));
        Assert.Equal("cart-1", (await Store.GetSeatAsync("A2"))?.Holder);
    }

    [Fact]
    public async Task AcquireAsync_SameHolderAgain_RefreshesExpiryAndIssuesLargerToken()
    {
        var first = await Store.AcquireAsync("cart-1", ["A1"], ShortTtl);

        var second = await Store.AcquireAsync("cart-1", ["A1", "A2"], ShortTtl * 20);

        Assert.True(second.Acquired);
        Assert.True(second.FencingToken > first.FencingToken);
        Assert.True(second.ExpiresAt > first.ExpiresAt);
        await PassTimeAsync(ShortTtl * 2);
        Assert.Equal(["A1", "A2"], (await Store.GetHoldsAsync("cart-1")).Select(h => h.SeatId));
    }

    [Fact]
    public async Task AcquireAsync_ManyAcquisitions_FencingTokensStrictlyIncrease()
    {
        var tokens = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            var result = await Store.AcquireAsync($"cart-{i % 3}", [$"S{i}"], TimeSpan.FromMinutes(1));
            tokens.Add(result.FencingToken);
        }

        Assert.Equal(tokens.Order(), tokens);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public async Task AcquireAsync_AfterHoldExpires_AnotherHolderGetsTheSeat()
    {
        var first = await Store.AcquireAsync("cart-1", ["A1", "A2"], ShortTtl);
        await PassTimeAsync(ShortTtl * 2);

        Assert.Null(await Store.GetSeatAsync("A1"));
        Assert.Empty(await Store.GetHoldsAsync("cart-1"));
        var second = await Store.AcquireAsync("cart-2", ["A1"], TimeSpan.FromMinutes(1));
        Assert.True(second.Acquired);
        Assert.True(second.FencingToken > first.FencingToken);
    }

    [Fact]
    public async Task AcquireAsync_InvalidArguments_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AcquireAsync("cart-1", [], TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AcquireAsync("", ["A1"], TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.AcquireAsync("cart-1", ["A1"], TimeSpan.Zero));
        Assert.Null(await Store.GetSeatAsync("A1"));
    }

    [Fact]
    public async Task ExtendAsync_OwnSeats_OutliveTheirFirstExpiry()
    {
        var acquired = await Store.AcquireAsync("cart-1", ["A1", "A2", "A3"], ShortTtl);

        var extended = await Store.ExtendAsync("cart-1", ["A1", "A3"], ShortTtl * 4);
        await PassTimeAsync(ShortTtl * 2);

        Assert.Equal(["A1", "A3"], extended.Select(h => h.SeatId));
        Assert.All(extended, h => Assert.Equal(acquired.FencingToken, h.FencingToken));
        Assert.All(extended, h => Assert.True(h.ExpiresAt > acquired.ExpiresAt));
        Assert.Equal(["A1", "A3"], (await Store.GetHoldsAsync("cart-1")).Select(h => h.SeatId));
        Assert.Null(await Store.GetSeatAsync("A2"));
    }

    [Fact]
    public async Task ExtendAsync_NullSeatIds_ExtendsAllOfTheHoldersSeats()
    {
        await Store.AcquireAsync("cart-1", ["A1"], ShortTtl);
        await Store.AcquireAsync("cart-1", ["A2"], ShortTtl);
        await Store.AcquireAsync("cart-2", ["B1"], ShortTtl);

        var extended = await Store.ExtendAsync("cart-1", null, ShortTtl * 4);
        await PassTimeAsync(ShortTtl * 2);

        Assert.Equal(["A1", "A2"], extended.Select(h => h.SeatId));
        Assert.Equal(["A1", "A2"], (await Store.GetHoldsAsync("cart-1")).Select(h => h.SeatId));
        Assert.Null(await Store.GetSeatAsync("B1"));
    }

    [Fact]
    public async Task ExtendAsync_ExpiredOrForeignSeats_AreNotExtended()
    {
        await Store.AcquireAsync("cart-1", ["A1"], ShortTtl);
        await Store.AcquireAsync("cart-2", ["B1"], TimeSpan.FromMinutes(5));
        await PassTimeAsync(ShortTtl * 2);

        var extended = await Store.ExtendAsync("cart-1", ["A1", "B1"], TimeSpan.FromMinutes(5));

        Assert.Empty(extended);
        Assert.Null(await Store.GetSeatAsync("A1"));
        Assert.Equal("cart-2", (await Store.GetSeatAsync("B1"))?.Holder);
    }

    [Fact]
    public async Task ReleaseAsync_GivenSeats_FreesOnlyThose()
    {
        await Store.AcquireAsync("cart-1", ["A1", "A2", "A3"], TimeSpan.FromMinutes(5));

        await Store.ReleaseAsync("cart-1", ["A1", "A3"]);

        Assert.Equal(["A2"], (await Store.GetHoldsAsync("cart-1")).Select(h => h.SeatId));
        Assert.True((await Store.AcquireAsync("cart-2", ["A1", "A3"], TimeSpan.FromMinutes(5))).Acquired);
    }

    [Fact]
    public async Task ReleaseAsync_AnotherHoldersSeat_LeavesItHeld()
    {
        await Store.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(5));

        await Store.ReleaseAsync("cart-2", ["A1"]);
        await Store.ReleaseAsync("cart-2", null);

        Assert.Equal("cart-1", (await Store.GetSeatAsync("A1"))?.Holder);
    }

    [Fact]
    public async Task ReleaseAsync_NullSeatIds_FreesAllOfTheHoldersSeats()
    {
        await Store.AcquireAsync("cart-1", ["A1", "A2"], TimeSpan.FromMinutes(5));
        await Store.AcquireAsync("cart-1", ["A3"], TimeSpan.FromMinutes(5));
        await Store.AcquireAsync("cart-2", ["B1"], TimeSpan.FromMinutes(5));

        await Store.ReleaseAsync("cart-1", null);

        Assert.Empty(await Store.GetHoldsAsync("cart-1"));
        Assert.Null(await Store.GetSeatAsync("A3"));
        Assert.Equal("cart-2", (await Store.GetSeatAsync("B1"))?.Holder);
    }

    [Fact]
    public async Task ReleaseAsync_EmptySeatList_ReleasesNothing()
    {
        await Store.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(5));

        await Store.ReleaseAsync("cart-1", []);

        Assert.Equal("cart-1", (await Store.GetSeatAsync("A1"))?.Holder);
    }

    [Fact]
    public async Task GetHoldsAsync_SeatLostAfterExpiry_IsNotListed()
    {
        await Store.AcquireAsync("cart-1", ["A1"], ShortTtl);
        await Store.AcquireAsync("cart-1", ["A2"], TimeSpan.FromMinutes(5));
        await PassTimeAsync(ShortTtl * 2);
        await Store.AcquireAsync("cart-2", ["A1"], TimeSpan.FromMinutes(5));

        var holds = await Store.GetHoldsAsync("cart-1");

        Assert.Equal(["A2"], holds.Select(h => h.SeatId));
        Assert.Equal("cart-2", (await Store.GetSeatAsync("A1"))?.Holder);
    }

    [Fact]
    public async Task GetSeatAsync_FreeSeat_ReturnsNull()
    {
        Assert.Null(await Store.GetSeatAsync("nobody-holds-this"));
        Assert.Empty(await Store.GetHoldsAsync("nobody"));
    }
}
