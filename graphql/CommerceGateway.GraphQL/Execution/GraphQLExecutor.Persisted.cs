using CommerceGateway.GraphQL.Protection;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>Automatic persisted queries: a hash alone runs a remembered document; a hash with the document registers it.</summary>
public sealed partial class GraphQLExecutor
{
    private (string Query, string? Hash, ExecutionResult? Error) ResolveQuery(GraphQLRequest request)
    {
        var hash = PersistedHash(request);
        if (hash is not null && Options.PersistedQueries.Enabled)
        {
            if (request.Query is null)
            {
                var remembered = _persisted.Find(hash);
                return remembered is null
                    ? (string.Empty, null, ExecutionResult.Failed(GraphQLError.WithCode("PersistedQueryNotFound", ErrorCodes.PersistedQueryNotFound)))
                    : (remembered, hash, null);
            }

            if (!string.Equals(DocumentHash.Of(request.Query), hash, StringComparison.OrdinalIgnoreCase))
            {
                return (string.Empty, null, ExecutionResult.Failed(GraphQLError.WithCode("provided sha does not match query", ErrorCodes.PersistedQueryHashMismatch)));
            }

            if (!Options.PersistedQueries.OnlyKnownOperations)
            {
                _persisted.Remember(hash.ToLowerInvariant(), request.Query);
            }
        }

        if (request.Query is null)
        {
            return (string.Empty, null, ExecutionResult.Failed(GraphQLError.WithCode(
                hash is null ? "Must provide query string." : "Persisted queries are disabled; send the query.", ErrorCodes.BadRequest)));
        }

        if (Options.PersistedQueries.OnlyKnownOperations && !_persisted.IsKnown(DocumentHash.Of(request.Query)))
        {
            return (string.Empty, null, ExecutionResult.Failed(GraphQLError.WithCode(
                "Only known operations may run on this server.", ErrorCodes.PersistedQueryRequired)));
        }

        return (request.Query, null, null);
    }

    private static string? PersistedHash(GraphQLRequest request) =>
        request.Extensions?.GetValueOrDefault("persistedQuery") is IReadOnlyDictionary<string, object?> persisted
        && persisted.GetValueOrDefault("sha256Hash") is string hash
            ? hash
            : null;
}
