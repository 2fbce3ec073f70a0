using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace CommerceGateway.Adapters.Conformance;

/// <content>Backend faults become typed errors within a bounded time.</content>
public abstract partial class CommerceBackendConformanceTests
{
    private static readonly TimeSpan FaultBound = TimeSpan.FromSeconds(6);

    /// <summary>A backend nobody listens for is reported unavailable, quickly.</summary>
    [Fact]
    public async Task AnyCall_UnreachableBackend_RaisesBackendUnavailableQuickly()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var backend = CreateBackend(new Uri($"http://127.0.0.1:{port}/"), r =>
        {
            r.AttemptTimeout = TimeSpan.FromSeconds(1);
            r.TotalTimeout = TimeSpan.FromSeconds(3);
            r.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(
            () => backend.CreateCartAsync(new CartCreation(NewCartId(), Currency), Bounded));

        Assert.True(watch.Elapsed < FaultBound, $"took {watch.Elapsed}");
        Assert.Equal(ChannelName, error.Channel);
        Assert.True(error.IsFault);
    }

    /// <summary>A backend that accepts connections but never answers times out within the channel's bound.</summary>
    [Fact]
    public async Task AnyCall_SilentBackend_RaisesBackendTimeoutWithinTheBound()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    held.Add(await silent.AcceptTcpClientAsync(stop.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var backend = CreateBackend(new Uri($"http://127.0.0.1:{port}/"), r =>
        {
            r.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            r.TotalTimeout = TimeSpan.FromSeconds(2);
            r.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        var watch = Stopwatch.StartNew();
        try
        {
            var error = await Assert.ThrowsAsync<BackendTimeoutException>(
                () => backend.CreateCartAsync(new CartCreation(NewCartId(), Currency), Bounded));

            Assert.True(watch.Elapsed < FaultBound, $"took {watch.Elapsed}");
            Assert.Equal(CommerceErrorCodes.BackendTimeout, error.Code);
        }
        finally
        {
            await stop.CancelAsync();
            await accepting;
            held.ForEach(c => c.Dispose());
        }
    }
}
