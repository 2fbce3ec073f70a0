namespace CommerceGateway.Checkout.State;

/// <summary>Checks that the shared state store answers, for readiness reports.</summary>
public interface IStateStoreProbe
{
    /// <summary>A short name of the store in use, such as "redis" or "in-memory".</summary>
    string Kind { get; }

    /// <summary>
    /// Makes one round trip to the store (a Redis PING) within the store's operation timeout.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>How long the round trip took.</returns>
    /// <exception cref="CommerceGateway.Adapters.State.StateStoreUnavailableException">The store did not answer in time.</exception>
    Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default);
}
