using System.Diagnostics;
using System.Net;
using static CommerceGateway.Adapters.Tests.Http.ProbeChannel;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>How the per-attempt and total timeouts end calls to a backend that stalls.</summary>
public sealed class BackendTimeoutTests
{
    [Fact]
    public async Task Post_AttemptTimesOut_RaisesBackendTimeoutAndIsNeverSentAgain()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, _) => LoopbackBackend.Stall(c));
        using var channel = new ProbeChannel(backend.BaseUrl, r =>
        {
            r.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            r.TotalTimeout = TimeSpan.FromSeconds(5);
            r.MaxRetryAttempts = 3;
        });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendTimeoutException>(() => channel.Http.PostAsync(Path("payments"), new StringContent("{}")));
        var elapsed = watch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2.5));
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.Equal(CommerceErrorCodes.BackendTimeout, error.Code);
        Assert.Equal("shop", error.Channel);
        Assert.Single(backend.Arrivals);
    }

    [Fact]
    public async Task Get_EveryAttemptTimesOut_IsRetriedThenRaisesBackendTimeoutOfTheAttempt()
    {
        await using var backend = await LoopbackBackend.StartAsync((c, _) => LoopbackBackend.Stall(c));
        using var channel = new ProbeChannel(backend.BaseUrl, r =>
        {
            r.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            r.TotalTimeout = TimeSpan.FromSeconds(5);
            r.MaxRetryAttempts = 1;
        });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendTimeoutException>(() => channel.Http.GetAsync(Path("items")));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.Equal(2, backend.Arrivals.Count);
    }

    [Fact]
    public async Task Get_SlowAttemptsOutlastTheTotalTimeout_RaisesBackendTimeoutOfTheTotal()
    {
        // Each attempt takes 600 ms of its 1 s: the second is cut short by the total timeout, not its own.
        await using var backend = await LoopbackBackend.StartAsync(async (c, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(600), c.RequestAborted);
            await LoopbackBackend.Answer(c, HttpStatusCode.ServiceUnavailable);
        });
        using var channel = new ProbeChannel(backend.BaseUrl, r =>
        {
            r.AttemptTimeout = TimeSpan.FromSeconds(1);
            r.TotalTimeout = TimeSpan.FromSeconds(1);
            r.MaxRetryAttempts = 5;
        });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendTimeoutException>(() => channel.Http.GetAsync(Path("items")));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.Equal(2, backend.Arrivals.Count);
    }

    [Fact]
    public async Task Get_CallerCancels_IsACancellationNotABackendFault()
    {
        using var cancel = new CancellationTokenSource();
        // Cancelled once the backend holds the request, not on a timer: a loaded machine may take
        // longer than any fixed delay to deliver it.
        await using var backend = await LoopbackBackend.StartAsync((c, _) =>
        {
            cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
            return LoopbackBackend.Stall(c);
        });
        using var channel = new ProbeChannel(backend.BaseUrl, r =>
        {
            r.AttemptTimeout = TimeSpan.FromSeconds(20);
            r.TotalTimeout = TimeSpan.FromSeconds(30);
        });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.Http.GetAsync(Path("items"), cancel.Token));

        Assert.True(cancel.IsCancellationRequested);
        Assert.IsNotType<BackendTimeoutException>(error.InnerException);
        Assert.Single(backend.Arrivals);
    }
}
