using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>Redis going away: every store fails fast with a typed error and works again once Redis is back.</summary>
public sealed class RedisStoreOutageTests(RedisServer server) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FailFastBound = TimeSpan.FromSeconds(3);
    private readonly RedisServer _server = server;

    /// <summary>Each test starts with the server up, whatever the previous test left.</summary>
    public Task InitializeAsync() => _server.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Stores_RedisStoppedMidTestThenRestarted_FailFastThenRecover()
    {
        await using var services = StoreHost.Redis(_server, OperationTimeout);
        var seats = services.GetRequiredService<ISeatHoldStore>();
        var sessions = services.GetRequiredService<ISessionStore>();
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var revoked = services.GetRequiredService<IRevokedTokenStore>();
        // The first call also connects (and JIT-compiles the client), which can outlast the short timeout.
        var before = await EventuallyAsync(() => seats.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1)));
        Assert.True(before.Acquired);
        Assert.Equal(1, await sessions.PutAsync("s1", "a", 0, TimeSpan.FromMinutes(1)));

        await _server.StopAsync();

        var failure = await AssertUnavailableAsync(() => seats.AcquireAsync("cart-2", ["B1", "B2"], TimeSpan.FromMinutes(1)));
        Assert.Contains("seat hold acquire", failure.Message, StringComparison.Ordinal);
        Assert.Contains("unavailable", failure.Message, StringComparison.Ordinal);
        await AssertUnavailableAsync(() => seats.ExtendAsync("cart-1", null, TimeSpan.FromMinutes(1)));
        await AssertUnavailableAsync(() => seats.ReleaseAsync("cart-1", null));
        await AssertUnavailableAsync(() => seats.GetHoldsAsync("cart-1"));
        await AssertUnavailableAsync(() => seats.GetSeatAsync("A1"));
        await AssertUnavailableAsync(() => sessions.GetAsync("s1"));
        await AssertUnavailableAsync(() => sessions.PutAsync("s1", "b", 1, TimeSpan.FromMinutes(1)));
        await AssertUnavailableAsync(() => sessions.DeleteAsync("s1"));
        await AssertUnavailableAsync(() => idempotency.BeginAsync("k1", "f", TimeSpan.FromMinutes(1)));
        await AssertUnavailableAsync(() => idempotency.CompleteAsync("k1", "f", "r", TimeSpan.FromMinutes(1)));
        await AssertUnavailableAsync(() => idempotency.AbandonAsync("k1", "f"));
        await AssertUnavailableAsync(() => revoked.RevokeAsync("jti", DateTimeOffset.UtcNow.AddMinutes(1)));
        await AssertUnavailableAsync(() => revoked.IsRevokedAsync("jti"));

        await _server.StartAsync();

        // The restarted server is empty: scripts are loaded again and the seats are free.
        var reacquired = await EventuallyAsync(() => seats.AcquireAsync("cart-2", ["B1", "B2"], TimeSpan.FromMinutes(1)));
        Assert.True(reacquired.Acquired);
        Assert.True(reacquired.FencingToken > before.FencingToken, $"Fencing token went from {before.FencingToken} to {reacquired.FencingToken} across the restart.");
        Assert.Equal(["B1", "B2"], (await seats.GetHoldsAsync("cart-2")).Select(h => h.SeatId));
        Assert.True((await seats.AcquireAsync("cart-3", ["A1"], TimeSpan.FromMinutes(1))).Acquired);
        Assert.Equal(1, await sessions.PutAsync("s1", "fresh", 0, TimeSpan.FromMinutes(1)));
        Assert.Equal(IdempotencyBeginResult.New, await idempotency.BeginAsync("k1", "f", TimeSpan.FromMinutes(1)));
        Assert.False(await revoked.IsRevokedAsync("jti"));
    }

    [Fact]
    public async Task AcquireAsync_RedisDownAtStartUp_FailsFastThenWorksOnceItStarts()
    {
        await _server.StopAsync();
        await using var services = StoreHost.Redis(_server, OperationTimeout);
        var seats = services.GetRequiredService<ISeatHoldStore>();

        await AssertUnavailableAsync(() => seats.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1)));
        await _server.StartAsync();

        var result = await EventuallyAsync(() => seats.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1)));
        Assert.True(result.Acquired);
    }

    [Fact]
    public async Task AcquireAsync_ServerThatNeverAnswers_ThrowsUnavailableWithinTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var accepting = new CancellationTokenSource();
        var sockets = new List<Socket>();
        var acceptLoop = Task.Run(async () =>
        {
            while (!accepting.IsCancellationRequested)
            {
                sockets.Add(await silent.AcceptSocketAsync(accepting.Token));
            }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var services = StoreHost.Build(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = $"127.0.0.1:{port},abortConnect=false,connectTimeout=5000" },
            timeProvider: null,
            options => options.OperationTimeout = OperationTimeout);
        var seats = services.GetRequiredService<ISeatHoldStore>();

        var failure = await AssertUnavailableAsync(() => seats.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1)));

        Assert.Contains("500 ms", failure.Message, StringComparison.Ordinal);
        await accepting.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => acceptLoop);
        sockets.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task OutageWarnings_RedisStoppedUnderAConnectedClient_NameTheOperationButNoKey()
    {
        using var logs = new CollectingLoggerProvider();
        await using var services = StoreHost.Build(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = _server.ConnectionString },
            timeProvider: null,
            options => options.OperationTimeout = OperationTimeout,
            logs);
        var revoked = services.GetRequiredService<IRevokedTokenStore>();
        var sessions = services.GetRequiredService<ISessionStore>();
        const string TokenId = "jti-7f3c2a9d41";
        const string CartId = "cart-5e81b0c6d2";
        await EventuallyAsync(() => revoked.IsRevokedAsync(TokenId));
        await _server.StopAsync();

        await AssertUnavailableAsync(() => revoked.IsRevokedAsync(TokenId));
        await AssertUnavailableAsync(() => sessions.GetAsync(CartId));

        Assert.Contains(logs.Entries, e => e.StartsWith("4110 ", StringComparison.Ordinal) && e.Contains("token revocation check", StringComparison.Ordinal));
        Assert.All(logs.Entries, entry =>
        {
            Assert.DoesNotContain(TokenId, entry, StringComparison.Ordinal);
            Assert.DoesNotContain(CartId, entry, StringComparison.Ordinal);
        });
    }

    private static async Task<StateStoreUnavailableException> AssertUnavailableAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<StateStoreUnavailableException>(call);
        Assert.True(watch.Elapsed < FailFastBound, $"The call took {watch.Elapsed} to fail; it must fail within {FailFastBound}.");
        return failure;
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
                await Task.Delay(100);
            }
        }
    }
}
