using System.Collections.Concurrent;
using System.Diagnostics;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>
/// Buyers on two gateway replicas (two containers, two multiplexers) racing for the seats of one
/// event session and claiming payment idempotency keys while a fault hits Redis, then the
/// product's promises checked against what every call was told: no seat acknowledged to two
/// holders, no key claimed twice, every acknowledged hold and claim still there, and every
/// failure a StateStoreUnavailableException.
/// </summary>
internal sealed class FailoverRun
{
    private const int Pool = 5000;
    private const int BuyersPerReplica = 3;
    private const int SuccessesAfterFault = 20;
    private const int HoldsBeforeFault = 20;
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(45);

    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _holders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _claims = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Exception> _unexpected = [];
    private long _unavailable;
    private long _successesAfterFault;
    private int _faulted;

    /// <summary>Runs the buyers, applies <paramref name="fault"/> once they are under way, and checks the invariants.</summary>
    public static async Task RunAndCheckAsync(string connectionString, string group, Func<Task> fault)
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        await using var first = StoreHost.Redis(connectionString, TimeSpan.FromSeconds(1), prefix);
        await using var second = StoreHost.Redis(connectionString, TimeSpan.FromSeconds(1), prefix);
        var run = new FailoverRun();
        await run.RunAsync([first, second], group, fault);

        await using var verifier = StoreHost.Redis(connectionString, TimeSpan.FromSeconds(2), prefix);
        await run.CheckAsync(verifier);
    }

    private async Task RunAsync(ServiceProvider[] replicas, string group, Func<Task> fault)
    {
        using var stop = new CancellationTokenSource();
        var buyers = replicas
            .SelectMany((services, r) => Enumerable.Range(0, BuyersPerReplica).Select(b => Task.Run(() => BuyAsync(services, group, (r * 10) + b, stop.Token))))
            .ToArray();

        // The fault hits buyers in full swing: both replicas connected and holds being acknowledged.
        var start = Stopwatch.StartNew();
        while (_holders.Count < HoldsBeforeFault && start.Elapsed < RecoveryBound)
        {
            await Task.Delay(50);
        }

        Assert.True(_holders.Count >= HoldsBeforeFault, $"Only {_holders.Count} holds were acknowledged within {RecoveryBound} before the fault; the run did not start.");
        await fault();
        Volatile.Write(ref _faulted, 1);

        var recovery = Stopwatch.StartNew();
        while (Interlocked.Read(ref _successesAfterFault) < SuccessesAfterFault && recovery.Elapsed < RecoveryBound)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await Task.WhenAll(buyers);
        Assert.True(
            Interlocked.Read(ref _successesAfterFault) >= SuccessesAfterFault,
            $"Only {_successesAfterFault} holds were acknowledged within {RecoveryBound} after the fault ({_unavailable} calls failed as unavailable).");
    }

    private async Task BuyAsync(ServiceProvider services, string group, int buyer, CancellationToken stop)
    {
        var seats = services.GetRequiredService<ISeatHoldStore>();
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var random = new Random(buyer);
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            var seat = $"{group}:{random.Next(Pool)}";
            var holder = $"cart-{buyer}-{attempt}";
            try
            {
                if ((await seats.AcquireAsync(holder, [seat], TimeSpan.FromMinutes(5), CancellationToken.None)).Acquired)
                {
                    _holders.GetOrAdd(seat, _ => []).Add(holder);
                    if (Volatile.Read(ref _faulted) == 1)
                    {
                        Interlocked.Increment(ref _successesAfterFault);
                    }
                }

                var key = $"pay-{random.Next(Pool)}";
                if ((await idempotency.BeginAsync(key, "fingerprint", TimeSpan.FromMinutes(5), CancellationToken.None)).Status == IdempotencyStatus.New)
                {
                    _claims.AddOrUpdate(key, 1, static (_, count) => count + 1);
                }
            }
            catch (StateStoreUnavailableException)
            {
                Interlocked.Increment(ref _unavailable);
                await Task.Delay(20, CancellationToken.None);
            }
            catch (Exception ex)
            {
                _unexpected.Add(ex);
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }

    private async Task CheckAsync(ServiceProvider verifier)
    {
        Assert.True(_unexpected.IsEmpty, "Calls failed with something other than StateStoreUnavailableException:\n" + string.Join("\n", _unexpected.Take(3)));

        var seats = verifier.GetRequiredService<ISeatHoldStore>();
        foreach (var (seat, holders) in _holders)
        {
            Assert.True(holders.Count == 1, $"Seat {seat} was acknowledged to {string.Join(" and ", holders)}.");
            var hold = await seats.GetSeatAsync(seat);
            Assert.True(hold?.Holder == holders.Single(), $"The acknowledged hold of {seat} by {holders.Single()} did not survive the failover (now {hold?.Holder ?? "free"}).");
        }

        var idempotency = verifier.GetRequiredService<IIdempotencyStore>();
        foreach (var (key, count) in _claims)
        {
            Assert.True(count == 1, $"Idempotency key {key} was claimed as new {count} times: the payment would run {count} times.");
            var again = await idempotency.BeginAsync(key, "fingerprint", TimeSpan.FromMinutes(5));
            Assert.True(again.Status == IdempotencyStatus.InProgress, $"The acknowledged claim of {key} did not survive the failover ({again.Status}).");
        }
    }
}
