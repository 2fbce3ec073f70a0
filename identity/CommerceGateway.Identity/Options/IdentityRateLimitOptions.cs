namespace CommerceGateway.Identity;

/// <summary>Limits on failed client authentications (<c>Identity:RateLimiting</c>).</summary>
public sealed class IdentityRateLimitOptions
{
    /// <summary>Failed authentications allowed per client id within <see cref="Window"/>. Default 5.</summary>
    public int FailuresPerClient { get; set; } = 5;

    /// <summary>Failed authentications allowed per remote address within <see cref="Window"/>. Default 20.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>The fixed window failures are counted in; a blocked caller retries after it ends. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
