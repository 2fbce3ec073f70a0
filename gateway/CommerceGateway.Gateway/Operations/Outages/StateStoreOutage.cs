using CommerceGateway.Adapters;
using CommerceGateway.Adapters.State;
using CommerceGateway.Identity;
using StackExchange.Redis;

namespace CommerceGateway.Gateway.Operations.Outages;

/// <summary>What every entry point says when the state store is down, and how a failure is recognised as that.</summary>
internal static class StateStoreOutage
{
    /// <summary>The stable code: GraphQL <c>extensions.code</c>, ProblemDetails <c>code</c>.</summary>
    public const string Code = CommerceErrorCodes.StateStoreUnavailable;

    /// <summary>For clients: no host, port or store error, which only the log carries.</summary>
    public const string Message = "The gateway's state store is unavailable; retry shortly.";

    /// <summary>As identity's bearer and OAuth answers: a Redis restart or failover takes seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether <paramref name="exception"/> (or an exception it wraps) reports the store as
    /// unreachable: the stores' own exception, identity's, or the Redis client's, should one ever
    /// get past the stores' command runner.
    /// </summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case StateStoreUnavailableException or IdentityStoreUnavailableException or RedisConnectionException or RedisTimeoutException:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsOutage);
            }
        }

        return false;
    }
}
