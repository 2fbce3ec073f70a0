using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// <c>ConnectionStrings:Redis</c>, parsed once at registration so a malformed value stops start-up.
/// abortConnect is always off: the gateway starts (and fails calls fast) while Redis is down.
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
        return new RedisConnectionString(options);
    }
}
