namespace CommerceGateway.GraphQL.Execution;

/// <summary>A GraphQL request: document, operation name, variables and extensions.</summary>
public sealed class GraphQLRequest
{
    /// <summary>The document text; may be null when an automatic persisted query hash is sent instead.</summary>
    public string? Query { get; init; }

    /// <summary>Which operation of the document to run.</summary>
    public string? OperationName { get; init; }

    /// <summary>Variable values in plain form (string, long, double, bool, lists, string-keyed dictionaries).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Request extensions, e.g. <c>persistedQuery</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>When true only query operations may run (GET requests).</summary>
    public bool QueriesOnly { get; init; }
}
