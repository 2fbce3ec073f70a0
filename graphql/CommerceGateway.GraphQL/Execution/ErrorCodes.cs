namespace CommerceGateway.GraphQL.Execution;

/// <summary>The <c>extensions.code</c> values the engine itself produces.</summary>
public static class ErrorCodes
{
    /// <summary>The document could not be parsed.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document failed validation against the schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>Variables or arguments could not be coerced.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The request was malformed (HTTP level).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>An unexpected fault; details are logged, not returned.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The operation kind is not supported (subscriptions).</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    /// <summary>An automatic persisted query hash is unknown; send the query with the hash.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The hash does not match the query text.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>Only known (persisted) operations are accepted.</summary>
    public const string PersistedQueryRequired = "PERSISTED_QUERY_REQUIRED";

    /// <summary>The document is larger than allowed.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    /// <summary>The document has more tokens than allowed.</summary>
    public const string TooManyTokens = "TOO_MANY_TOKENS";

    /// <summary>Selections nest deeper than allowed.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>More aliases than allowed.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    /// <summary>More field selections than allowed.</summary>
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";

    /// <summary>The estimated cost is higher than allowed.</summary>
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";

    /// <summary>Batched requests are disabled or the batch is too large.</summary>
    public const string BatchingNotAllowed = "BATCHING_NOT_ALLOWED";

    /// <summary>Introspection is turned off.</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
}
