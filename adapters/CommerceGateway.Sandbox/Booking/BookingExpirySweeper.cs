namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// Expires carts and pending orders on a timer from the sandbox's <see cref="TimeProvider"/>, so
/// seats come back even when nobody calls (and a fake clock's Advance expires them too).
/// </summary>
internal sealed class BookingExpirySweeper(BookingStore store, TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(static state => ((BookingStore)state!).Sweep(), store, Interval, Interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _timer?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose() => _timer?.Dispose();
}
