using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// <c>ConnectionStrings:Redis</c>, parsed once at registration so a malformed value stops start-up.
/// Two settings are forced whatever the string says: abortConnect off, so the gateway starts while
/// Redis is down, and <see cref="BacklogPolicy.FailFast"/>, so a command issued while Redis is
/// unreachable fails at once instead of being queued and sent when Redis returns (after its caller
/// may have been told it failed).
/// </summary>
internal sealed class RedisConnectionString
{
    private RedisConnectionString(ConfigurationOptions options) => Options = options;

    public ConfigurationOptions Options { get; }

    public static RedisConnectionString Parse(string value)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(value);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:Redis is not a valid StackExchange.Redis connection string ({ex.Message}). Example: \"127.0.0.1:6379,abortConnect=false\".", ex);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new InvalidOperationException("ConnectionStrings:Redis names no endpoint. Example: \"127.0.0.1:6379,abortConnect=false\".");
        }

        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return new RedisConnectionString(options);
    }
}
