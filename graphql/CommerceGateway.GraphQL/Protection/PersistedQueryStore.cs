using CommerceGateway.GraphQL.Execution;

namespace CommerceGateway.GraphQL.Protection;

/// <summary>Hash-to-document memory for automatic persisted queries, plus the pinned allow list.</summary>
internal sealed class PersistedQueryStore
{
    private readonly BoundedCache<string> _documents;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public PersistedQueryStore(PersistedQueryOptions options)
    {
        _documents = new BoundedCache<string>(options.CacheSize);
        foreach (var document in options.KnownOperations)
        {
            var hash = DocumentHash.Of(document);
            _known.Add(hash);
            _documents.Set(hash, document, pinned: true);
        }
    }

    public bool IsKnown(string hash) => _known.Contains(hash);

    public string? Find(string hash) => _documents.TryGet(hash, out var document) ? document : null;

    public void Remember(string hash, string document) => _documents.Set(hash, document);
}
