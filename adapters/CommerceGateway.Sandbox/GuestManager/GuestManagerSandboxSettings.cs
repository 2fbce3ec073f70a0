namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// The Guest Manager sandbox's account settings. One instance per sandbox (a singleton): tests
/// reach it through the sandbox's services and change it, e.g. to hit the rate limit quickly.
/// </summary>
public sealed class GuestManagerSandboxSettings
{
    /// <summary>The API key the sandbox accepts as <c>Authorization: Token &lt;key&gt;</c>.</summary>
    public const string DefaultApiKey = "gm_sandbox_key";

    private int _rateLimit = 300;
    private long _rateLimitWindowTicks = TimeSpan.FromMinutes(1).Ticks;
    private long _processingDelayTicks = TimeSpan.FromSeconds(2).Ticks;
    private volatile string _apiKey = DefaultApiKey;
    private volatile bool _confirmBeforePlacing;
    private volatile bool _requireBillingAddress;

    /// <summary>Requests one client IP may make per <see cref="RateLimitWindow"/>. Default 300, as documented.</summary>
    public int RateLimit
    {
        get => Volatile.Read(ref _rateLimit);
        set => Volatile.Write(ref _rateLimit, value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)));
    }

    /// <summary>The rate limit's window. Default one minute, as documented.</summary>
    public TimeSpan RateLimitWindow
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _rateLimitWindowTicks));
        set => Interlocked.Exchange(ref _rateLimitWindowTicks, value > TimeSpan.Zero ? value.Ticks : throw new ArgumentOutOfRangeException(nameof(value)));
    }

    /// <summary>How long a submitted payment stays <c>processing</c>. Default 2 seconds.</summary>
    public TimeSpan ProcessingDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _processingDelayTicks));
        set => Interlocked.Exchange(ref _processingDelayTicks, value >= TimeSpan.Zero ? value.Ticks : throw new ArgumentOutOfRangeException(nameof(value)));
    }

    /// <summary>How long an order holds its tickets (<c>expires_at</c>). Fixed at 15 minutes, the documented default.</summary>
    public TimeSpan HoldDuration { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The accepted API key.</summary>
    public string ApiKey
    {
        get => _apiKey;
        set => _apiKey = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The API key must not be blank.", nameof(value)) : value;
    }

    /// <summary>The CheckoutCustomization "review order before placing" option: adds the <c>confirm</c> step. Default off.</summary>
    public bool ConfirmBeforePlacing
    {
        get => _confirmBeforePlacing;
        set => _confirmBeforePlacing = value;
    }

    /// <summary>The CheckoutCustomization "billing address required for all orders" option. Default off.</summary>
    public bool RequireBillingAddress
    {
        get => _requireBillingAddress;
        set => _requireBillingAddress = value;
    }
}
