namespace CommerceGateway.GraphQL.Execution;

/// <summary>Limits enforced before execution. Each produces its own error code (see <see cref="ErrorCodes"/>).</summary>
public sealed class GraphQLLimits
{
    /// <summary>Maximum document length in characters. Default 100 000.</summary>
    public int MaxDocumentLength { get; set; } = 100_000;

    /// <summary>Maximum number of lexical tokens. Default 15 000.</summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>Maximum field nesting depth (introspection fields excluded). Default 15.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Maximum number of aliased fields. Default 30.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Maximum number of field selections after fragment expansion. Default 1000.</summary>
    public int MaxFields { get; set; } = 1000;

    /// <summary>Maximum operation cost: each field costs its declared cost times the sizes of enclosing lists. Default 10 000.</summary>
    public int MaxCost { get; set; } = 10_000;

    /// <summary>The size assumed for a list field without a <c>first</c>, <c>last</c>, <c>limit</c> or <c>take</c> argument. Default 10.</summary>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>Maximum operations in a batched (JSON array) request; 0 refuses batches. Default 0.</summary>
    public int MaxBatchSize { get; set; }

    /// <summary>Maximum HTTP request body in bytes. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDocumentLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxAliases);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxFields);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCost);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DefaultListSize);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRequestBodyBytes);
    }
}
