namespace CommerceGateway.Identity;

/// <summary>Recognises an <see cref="IdentityStoreUnavailableException"/> wherever a caller wrapped it.</summary>
internal static class StoreOutage
{
    /// <summary>
    /// How long clients are asked to wait (<c>Retry-After</c>): a store restart or failover takes
    /// seconds, and clients retrying sooner only add load to a store that is coming back.
    /// </summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The store failure in <paramref name="exception"/>, its inner exceptions or an aggregate's members; null when there is none.</summary>
    public static IdentityStoreUnavailableException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case IdentityStoreUnavailableException outage:
                    return outage;
                case AggregateException aggregate:
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        if (Find(inner) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
            }
        }

        return null;
    }
}
