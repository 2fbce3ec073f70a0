namespace CommerceGateway.Checkout.State.InMemory;

/// <summary>The in-memory store lives in this process, so it is reachable whenever the process is.</summary>
internal sealed class InMemoryStateStoreProbe : IStateStoreProbe
{
    public string Kind => "in-memory";

    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(TimeSpan.Zero);
    }
}
