using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>
/// Failovers under load on a real Redis Cluster and a real Sentinel deployment: holds and
/// idempotency claims acknowledged to a caller survive on the promoted replica, or the call failed
/// with StateStoreUnavailableException; never two holders of one seat, never two claims of one key.
/// A write is acknowledged only once a replica has it (WAIT), which the silent-replica tests pin down.
/// </summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisFailoverTests(RedisCluster cluster, RedisSentinel sentinel)
{
    private const string Group = "booking-demo:failover";

    [Fact]
    public async Task Cluster_ReplicaOfTheSeatsMasterSilent_HoldAndClaimFailTypedAndLeaveNothing()
    {
        var master = await cluster.MasterOfAsync("{" + Group + "}");
        var replica = await cluster.ReplicaOfAsync(master);
        await AssertUnreplicatedWritesAreRefusedAsync(cluster.ConnectionString, replica, () => cluster.WaitUntilHealthyAsync());
    }

    [Fact]
    public async Task Sentinel_ReplicaSilent_HoldAndClaimFailTypedAndLeaveNothing()
    {
        var master = await sentinel.MasterAsync();
        var replica = sentinel.DataNodes.Single(n => n.Port != master.Port);
        await AssertUnreplicatedWritesAreRefusedAsync(sentinel.ConnectionString, replica, () => sentinel.WaitUntilSettledAsync());
    }

    [Fact]
    public async Task Cluster_ManualFailoverOfTheSeatsMasterMidRun_NoSeatOrKeyTwiceAndAcknowledgedWritesSurvive() =>
        await FailoverRun.RunAndCheckAsync(cluster.ConnectionString, Group, () => cluster.FailOverAsync("{" + Group + "}"));

    [Fact]
    public async Task Cluster_SeatsMasterKilledMidRun_NoSeatOrKeyTwiceAndAcknowledgedWritesSurvive() =>
        await FailoverRun.RunAndCheckAsync(cluster.ConnectionString, Group, async () =>
        {
            var (killed, _) = await cluster.KillMasterOfAsync("{" + Group + "}");
            // Back as the new master's replica: until then that master refuses durable writes.
            await cluster.RestartAsync(killed);
        });

    [Fact]
    public async Task Sentinel_FailoverMidRun_NoSeatOrKeyTwiceAndAcknowledgedWritesSurvive() =>
        await FailoverRun.RunAndCheckAsync(sentinel.ConnectionString, Group, () => sentinel.FailOverAsync());

    [Fact]
    public async Task Sentinel_MasterKilledMidRun_NoSeatOrKeyTwiceAndAcknowledgedWritesSurvive() =>
        await FailoverRun.RunAndCheckAsync(sentinel.ConnectionString, Group, async () =>
        {
            var (killed, _) = await sentinel.KillMasterAsync();
            await sentinel.RestartAsync(killed);
        });

    /// <summary>
    /// With the replica frozen, the master alone has the write, so a failover could lose it: the
    /// store must not report it, and must not leave it behind either.
    /// </summary>
    private static async Task AssertUnreplicatedWritesAreRefusedAsync(string connectionString, RedisServer replica, Func<Task> waitUntilHealthy)
    {
        await using var services = StoreHost.Redis(connectionString, TimeSpan.FromSeconds(2));
        var seats = services.GetRequiredService<ISeatHoldStore>();
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var seat = Group + ":silent";
        // Connected and the scripts loaded while everything is healthy.
        Assert.True((await seats.AcquireAsync("warm-up", [Group + ":warm-up"], TimeSpan.FromMinutes(1))).Acquired);

        await replica.FreezeAsync();
        try
        {
            var hold = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => seats.AcquireAsync("cart-1", [seat], TimeSpan.FromMinutes(1)));
            Assert.Contains("replica", hold.Message, StringComparison.Ordinal);
            Assert.Null(await seats.GetSeatAsync(seat));
            Assert.Empty(await seats.GetHoldsAsync("cart-1"));
        }
        finally
        {
            await replica.ThawAsync();
        }

        await waitUntilHealthy();
        Assert.True((await seats.AcquireAsync("cart-2", [seat], TimeSpan.FromMinutes(1))).Acquired);
        Assert.Equal("cart-2", (await seats.GetSeatAsync(seat))?.Holder);

        // The key's hash tag puts the claim on the seats' shard of a cluster, whose replica is frozen.
        var claimKey = "{" + Group + "}:pay-" + Guid.NewGuid().ToString("N");
        await replica.FreezeAsync();
        try
        {
            var claim = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => idempotency.BeginAsync(claimKey, "f", TimeSpan.FromMinutes(1)));
            Assert.Contains("replica", claim.Message, StringComparison.Ordinal);
        }
        finally
        {
            await replica.ThawAsync();
        }

        await waitUntilHealthy();
        // The unconfirmed claim was dropped, so the payment was never started and may run now, once.
        Assert.Equal(IdempotencyBeginResult.New, await idempotency.BeginAsync(claimKey, "f", TimeSpan.FromMinutes(1)));
        Assert.Equal(IdempotencyBeginResult.InProgress, await idempotency.BeginAsync(claimKey, "f", TimeSpan.FromMinutes(1)));
        await waitUntilHealthy();
    }
}
