using System.Diagnostics;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>
/// A write the store reported as unavailable must never be applied later: no seat held, idempotency
/// record or session written for a request whose caller was told it failed (a "ghost write").
/// </summary>
public sealed class RedisFailedWriteTests(RedisServer server) : IClassFixture<RedisServer>, IAsyncLifetime
{
    /// <summary>
    /// Far longer than the outage: a write the client queued while Redis was down would still be alive
    /// when Redis returns, so these tests fail if the client queues, not only if a timer is too slow.
    /// </summary>
    private static readonly TimeSpan LongOperationTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ShortOperationTimeout = TimeSpan.FromMilliseconds(500);
    private readonly RedisServer _server = server;

    public enum Outage
    {
        /// <summary>The process is killed, as in a crash.</summary>
        Killed,

        /// <summary><c>SHUTDOWN NOSAVE</c>, as an operator would stop it.</summary>
        ShutDown,
    }

    /// <summary>Each test starts with the server up, whatever the previous test left.</summary>
    public Task InitializeAsync() => _server.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Outage.Killed)]
    [InlineData(Outage.ShutDown)]
    public async Task Writes_RedisDownThenBackOnSamePort_FailPromptlyAndAreNeverApplied(Outage outage)
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        await using var services = StoreHost.Redis(_server, LongOperationTimeout, prefix);
        var seats = services.GetRequiredService<ISeatHoldStore>();
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var sessions = services.GetRequiredService<ISessionStore>();
        var probe = services.GetRequiredService<IStateStoreProbe>();
        // Connect and load the scripts first, so the outage hits a multiplexer that was connected.
        Assert.True((await seats.AcquireAsync("cart-0", ["A0"], TimeSpan.FromMinutes(1))).Acquired);
        Assert.Equal(IdempotencyBeginResult.New, await idempotency.BeginAsync("k0", "f", TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await sessions.PutAsync("s0", "before", 0, TimeSpan.FromMinutes(1)));

        await (outage == Outage.Killed ? _server.StopAsync() : _server.ShutdownAsync());

        await AssertFailsPromptlyAsync(() => seats.AcquireAsync("cart-1", ["B1", "B2"], TimeSpan.FromMinutes(1)));
        await AssertFailsPromptlyAsync(() => idempotency.BeginAsync("k1", "f", TimeSpan.FromMinutes(1)));
        await AssertFailsPromptlyAsync(() => sessions.PutAsync("s1", "ghost", 0, TimeSpan.FromMinutes(1)));

        await _server.StartAsync();
        // A PING through the same multiplexer is answered only after anything it had queued was sent.
        await EventuallyAsync(() => probe.PingAsync());

        Assert.Equal(":0", await _server.CommandAsync("EXISTS", prefix + "seat:{-}:B1", prefix + "seat:{-}:B2", prefix + "holder:cart-1", prefix + "idem:k1", prefix + "session:s1"));
        Assert.Equal(":0", await _server.CommandAsync("DBSIZE"));
        var acquired = await seats.AcquireAsync("cart-1", ["B1", "B2"], TimeSpan.FromMinutes(1));
        Assert.True(acquired.Acquired);
        Assert.Equal(IdempotencyBeginResult.New, await idempotency.BeginAsync("k1", "f", TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await sessions.PutAsync("s1", "after", 0, TimeSpan.FromMinutes(1)));
        Assert.Equal(new VersionedDocument("after", 1), await sessions.GetAsync("s1"));
    }

    [Fact]
    public async Task Read_RedisStalledLongerThanOperationTimeout_FailsWithinTimeoutThenWorksAgain()
    {
        await using var services = StoreHost.Redis(_server, ShortOperationTimeout);
        var seats = services.GetRequiredService<ISeatHoldStore>();
        // The first call also connects (and JIT-compiles the client), which can outlast the short timeout.
        Assert.True((await EventuallyAsync(() => seats.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1)))).Acquired);

        Assert.Equal("+OK", await _server.CommandAsync("CLIENT", "PAUSE", "2000", "ALL"));
        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => seats.GetSeatAsync("A1"));
        watch.Stop();

        Assert.Contains("500 ms", failure.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed >= ShortOperationTimeout - TimeSpan.FromMilliseconds(50), $"Failed after {watch.Elapsed}, before the {ShortOperationTimeout} timeout.");
        Assert.True(watch.Elapsed < ShortOperationTimeout + Promptly, $"Failed after {watch.Elapsed}; the timeout is {ShortOperationTimeout}.");
        var seat = await EventuallyAsync(() => seats.GetSeatAsync("A1"));
        Assert.Equal("cart-1", seat?.Holder);
    }

    [Fact]
    public async Task SessionWrite_CallerCancelsWhileRedisStalled_ReportsTheOutcomeRedisApplied()
    {
        await using var services = StoreHost.Redis(_server, TimeSpan.FromSeconds(5));
        var sessions = services.GetRequiredService<ISessionStore>();
        Assert.Equal(1, await sessions.PutAsync("s1", "first", 0, TimeSpan.FromMinutes(1)));

        Assert.Equal("+OK", await _server.CommandAsync("CLIENT", "PAUSE", "500", "ALL"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        // The command has reached Redis, which runs it once the pause ends; answering "cancelled"
        // would tell the caller the write did not happen.
        var version = await sessions.PutAsync("s1", "second", 1, TimeSpan.FromMinutes(1), cancellation.Token);

        Assert.True(cancellation.IsCancellationRequested);
        Assert.Equal(2, version);
        Assert.Equal(new VersionedDocument("second", 2), await sessions.GetAsync("s1"));
    }

    private static async Task AssertFailsPromptlyAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StateStoreUnavailableException>(call);
        Assert.True(watch.Elapsed < Promptly, $"The call took {watch.Elapsed} to fail; with Redis down it must fail within {Promptly}, without waiting for Redis.");
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (StateStoreUnavailableException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
    }
}
