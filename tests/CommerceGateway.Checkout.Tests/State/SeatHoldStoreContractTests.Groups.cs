using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>
/// Seat groups (the text before a seat id's last ':', such as an event session): one acquisition
/// is atomic within a group, and a holder's seats may span many groups, which a Redis Cluster
/// spreads over several masters.
/// </summary>
public abstract partial class SeatHoldStoreContractTests
{
    private static readonly string[] EventSessions = [.. Enumerable.Range(0, 6).Select(i => $"booking-demo:S{i}")];

    [Fact]
    public async Task AcquireAsync_SeatsOfTwoGroups_IsRefusedAndTakesNothing()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.AcquireAsync("cart-1", ["booking-demo:S1:7", "booking-demo:S2:7"], TimeSpan.FromMinutes(1)));

        Assert.Contains("group", refused.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetSeatAsync("booking-demo:S1:7"));
        Assert.Null(await Store.GetSeatAsync("booking-demo:S2:7"));
        Assert.Empty(await Store.GetHoldsAsync("cart-1"));
    }

    [Fact]
    public async Task AcquireAsync_SameSeatNumberInTwoGroups_AreDifferentSeats()
    {
        Assert.True((await Store.AcquireAsync("cart-1", ["booking-demo:S1:7"], TimeSpan.FromMinutes(1))).Acquired);

        var other = await Store.AcquireAsync("cart-2", ["booking-demo:S2:7"], TimeSpan.FromMinutes(1));

        Assert.True(other.Acquired);
        Assert.Equal("cart-1", (await Store.GetSeatAsync("booking-demo:S1:7"))?.Holder);
        Assert.Equal("cart-2", (await Store.GetSeatAsync("booking-demo:S2:7"))?.Holder);
    }

    [Fact]
    public async Task HolderWithSeatsInManyGroups_IsListedExtendedAndReleasedAsAWhole()
    {
        foreach (var session in EventSessions)
        {
            Assert.True((await Store.AcquireAsync("cart-1", [$"{session}:1", $"{session}:2"], ShortTtl)).Acquired);
        }

        string[] all = [.. EventSessions.SelectMany(s => new[] { $"{s}:1", $"{s}:2" }).Order(StringComparer.Ordinal)];
        Assert.Equal(all, (await Store.GetHoldsAsync("cart-1")).Select(h => h.SeatId));

        var extended = await Store.ExtendAsync("cart-1", null, ShortTtl * 20);

        Assert.Equal(all, extended.Select(h => h.SeatId));
        await PassTimeAsync(ShortTtl * 2);
        Assert.Equal(all, (await Store.GetHoldsAsync("cart-1")).Select(h => h.SeatId));

        await Store.ReleaseAsync("cart-1", null);

        Assert.Empty(await Store.GetHoldsAsync("cart-1"));
        foreach (var seat in all)
        {
            Assert.Null(await Store.GetSeatAsync(seat));
        }
    }

    [Fact]
    public async Task AcquireAsync_FencingTokensOfOneGroup_StrictlyIncreaseWhateverOtherGroupsDo()
    {
        var tokens = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            tokens.Add((await Store.AcquireAsync($"cart-{i}", [$"booking-demo:S1:{i}"], TimeSpan.FromMinutes(1))).FencingToken);
            Assert.True((await Store.AcquireAsync($"other-{i}", [$"booking-demo:S2:{i}"], TimeSpan.FromMinutes(1))).Acquired);
        }

        Assert.Equal(tokens.Order(), tokens);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }
}
