using System.Collections.Concurrent;
using CommerceGateway.Adapters.State;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>Races on overlapping seat sets: no seat is ever held twice and every acquisition is all or nothing.</summary>
public abstract partial class SeatHoldStoreContractTests
{
    private const int Racers = 96;
    private const int SeatPool = 24;

    [Fact]
    public async Task AcquireAsync_ConcurrentOverlappingRequests_NoSeatHeldTwiceAndAllOrNothing()
    {
        var random = new Random(20261125);
        var requests = Enumerable.Range(0, Racers)
            .Select(i => (Holder: $"racer-{i}", Seats: RandomSeats(random, 1 + (i % 4))))
            .ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = requests.Select(r => Task.Run(async () =>
        {
            await start.Task;
            return (r.Holder, r.Seats, Result: await Store.AcquireAsync(r.Holder, r.Seats, TimeSpan.FromMinutes(5)));
        })).ToArray();
        start.SetResult();
        var raced = await Task.WhenAll(racing);

        var winners = raced.Where(r => r.Result.Acquired).ToArray();
        Assert.NotEmpty(winners);
        Assert.Contains(raced, r => !r.Result.Acquired);

        // Winners' seat sets never overlap: no seat went to two holders.
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var winner in winners)
        {
            foreach (var seat in winner.Seats)
            {
                Assert.True(owner.TryAdd(seat, winner.Holder), $"Seat {seat} was acquired by both {owner.GetValueOrDefault(seat)} and {winner.Holder}.");
            }
        }

        Assert.Equal(winners.Length, winners.Select(w => w.Result.FencingToken).Distinct().Count());

        // The store agrees with the winners, seat by seat and holder by holder.
        for (var s = 0; s < SeatPool; s++)
        {
            var seatId = $"seat-{s}";
            var hold = await Store.GetSeatAsync(seatId);
            Assert.Equal(owner.GetValueOrDefault(seatId), hold?.Holder);
        }

        foreach (var winner in winners)
        {
            var holds = await Store.GetHoldsAsync(winner.Holder);
            Assert.Equal(winner.Seats.Order(StringComparer.Ordinal), holds.Select(h => h.SeatId));
            Assert.All(holds, h => Assert.Equal(winner.Result.FencingToken, h.FencingToken));
        }

        // Losers hold nothing at all, and each named a real conflict among its own seats.
        foreach (var loser in raced.Where(r => !r.Result.Acquired))
        {
            Assert.Empty(await Store.GetHoldsAsync(loser.Holder));
            Assert.NotEmpty(loser.Result.ConflictingSeatIds);
            Assert.All(loser.Result.ConflictingSeatIds, seat =>
            {
                Assert.Contains(seat, loser.Seats);
                Assert.True(owner.ContainsKey(seat), $"{loser.Holder} was refused {seat}, which nobody holds.");
            });
        }
    }

    [Fact]
    public async Task AcquireAsync_ConcurrentAcquireReleaseLoops_NoSeatEverHeldTwice()
    {
        const int successesPerRacer = 4;
        const int maxAttempts = 400;
        var claimed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var violations = new ConcurrentBag<string>();
        var acquisitions = 0;

        await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
        {
            var random = new Random(i);
            var holder = $"looper-{i}";
            var successes = 0;
            for (var attempt = 0; attempt < maxAttempts && successes < successesPerRacer; attempt++)
            {
                var seats = RandomSeats(random, 1 + random.Next(3));
                var result = await Store.AcquireAsync(holder, seats, TimeSpan.FromMinutes(5));
                if (!result.Acquired)
                {
                    if (!(await Store.GetHoldsAsync(holder)).Count.Equals(0))
                    {
                        violations.Add($"{holder} holds seats after a refused acquisition.");
                    }

                    await Task.Yield();
                    continue;
                }

                successes++;
                Interlocked.Increment(ref acquisitions);
                foreach (var seat in seats)
                {
                    if (!claimed.TryAdd(seat, holder))
                    {
                        violations.Add($"{seat} acquired by {holder} while {claimed.GetValueOrDefault(seat)} held it.");
                    }
                }

                await Task.Yield();

                // Un-claim before releasing, so another racer can only acquire after we let go.
                foreach (var seat in seats)
                {
                    claimed.TryRemove(new KeyValuePair<string, string>(seat, holder));
                }

                await Store.ReleaseAsync(holder, seats);
            }
        })));

        Assert.Empty(violations);
        Assert.True(acquisitions > Racers * 2, $"Only {acquisitions} acquisitions succeeded; the race did not exercise releases.");
        for (var s = 0; s < SeatPool; s++)
        {
            Assert.Null(await Store.GetSeatAsync($"seat-{s}"));
        }
    }

    private static string[] RandomSeats(Random random, int count) =>
        Enumerable.Range(0, SeatPool).OrderBy(_ => random.Next()).Take(count).Select(s => $"seat-{s}").ToArray();
}
