namespace CommerceGateway.GraphQL.Execution;

/// <summary>Automatic persisted queries (<c>extensions.persistedQuery.sha256Hash</c>) and the allow list.</summary>
public sealed class PersistedQueryOptions
{
    /// <summary>Whether clients may send a hash instead of the document. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many hash-to-document entries are remembered. Default 1000.</summary>
    public int CacheSize { get; set; } = 1000;

    /// <summary>When true, only documents in <see cref="KnownOperations"/> run; anything else is refused. Default false.</summary>
    public bool OnlyKnownOperations { get; set; }

    /// <summary>Documents registered at start-up; they never leave the cache.</summary>
    public IList<string> KnownOperations { get; } = [];
}
