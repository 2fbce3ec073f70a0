namespace CommerceGateway.Adapters;

/// <summary>How calls to one channel's backend are bounded and retried.</summary>
public sealed record ChannelResilienceOptions
{
    /// <summary>Longest one attempt may take. Default 5 seconds.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a call may take across all attempts and delays. Default 15 seconds.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt, for calls that are safe to repeat only. Default 2.</summary>
    public int MaxRetryAttempts { get; init; } = 2;

    /// <summary>Base delay of the jittered exponential backoff. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failure ratio over the sampling window that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Calls needed in the window before the circuit can open. Default 10.</summary>
    public int CircuitBreakerMinimumThroughput { get; init; } = 10;

    /// <summary>The circuit breaker's sampling window. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects calls before trying again. Default 15 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
