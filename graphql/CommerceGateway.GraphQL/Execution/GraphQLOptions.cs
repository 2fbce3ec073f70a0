namespace CommerceGateway.GraphQL.Execution;

/// <summary>How the engine runs requests. Secure by default: limits on, introspection off unless enabled.</summary>
public sealed class GraphQLOptions
{
    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried; also controls "did you mean" hints. Default false.</summary>
    public bool EnableIntrospection { get; set; }

    /// <summary>Whether unexpected resolver exception messages reach clients. Turn on in Development only. Default false.</summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>Size, depth, breadth and cost limits.</summary>
    public GraphQLLimits Limits { get; set; } = new();

    /// <summary>Automatic persisted queries and the known-operations allow list.</summary>
    public PersistedQueryOptions PersistedQueries { get; set; } = new();

    /// <summary>How many parsed and validated documents are kept, keyed by document hash. Default 1000.</summary>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>Throws when a value is out of range, so a misconfigured server refuses to start.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(DocumentCacheSize);
        Limits.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(PersistedQueries.CacheSize);
    }
}
