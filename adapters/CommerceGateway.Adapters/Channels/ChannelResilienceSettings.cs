namespace CommerceGateway.Adapters;

/// <summary>The configurable form of <see cref="ChannelResilienceOptions"/>: every value optional.</summary>
public sealed class ChannelResilienceSettings
{
    /// <summary>See <see cref="ChannelResilienceOptions.AttemptTimeout"/>.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>See <see cref="ChannelResilienceOptions.TotalTimeout"/>.</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>See <see cref="ChannelResilienceOptions.MaxRetryAttempts"/>.</summary>
    public int? MaxRetryAttempts { get; set; }

    /// <summary>See <see cref="ChannelResilienceOptions.RetryBaseDelay"/>.</summary>
    public TimeSpan? RetryBaseDelay { get; set; }

    /// <summary>See <see cref="ChannelResilienceOptions.CircuitBreakerFailureRatio"/>.</summary>
    public double? CircuitBreakerFailureRatio { get; set; }

    /// <summary>See <see cref="ChannelResilienceOptions.CircuitBreakerMinimumThroughput"/>.</summary>
    public int? CircuitBreakerMinimumThroughput { get; set; }

    /// <summary>See <see cref="ChannelResilienceOptions.CircuitBreakerBreakDuration"/>.</summary>
    public TimeSpan? CircuitBreakerBreakDuration { get; set; }

    internal ChannelResilienceOptions Apply(ChannelResilienceOptions defaults) => defaults with
    {
        AttemptTimeout = AttemptTimeout ?? defaults.AttemptTimeout,
        TotalTimeout = TotalTimeout ?? defaults.TotalTimeout,
        MaxRetryAttempts = MaxRetryAttempts ?? defaults.MaxRetryAttempts,
        RetryBaseDelay = RetryBaseDelay ?? defaults.RetryBaseDelay,
        CircuitBreakerFailureRatio = CircuitBreakerFailureRatio ?? defaults.CircuitBreakerFailureRatio,
        CircuitBreakerMinimumThroughput = CircuitBreakerMinimumThroughput ?? defaults.CircuitBreakerMinimumThroughput,
        CircuitBreakerBreakDuration = CircuitBreakerBreakDuration ?? defaults.CircuitBreakerBreakDuration,
    };
}
