namespace CommerceGateway.Adapters;

/// <summary>The state of a channel's circuit breaker, for readiness reports.</summary>
public enum BackendCircuitState
{
    /// <summary>Calls flow.</summary>
    Closed,

    /// <summary>Too many failures: calls are refused until the break ends.</summary>
    Open,

    /// <summary>Trying one call to see whether the backend recovered.</summary>
    HalfOpen,

    /// <summary>Held open by an operator.</summary>
    Isolated,
}
