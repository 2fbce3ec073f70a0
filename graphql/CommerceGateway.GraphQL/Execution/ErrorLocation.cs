namespace CommerceGateway.GraphQL.Execution;

/// <summary>A 1-based line and column in the request document.</summary>
/// <param name="Line">The line, starting at 1.</param>
/// <param name="Column">The column, starting at 1.</param>
public readonly record struct ErrorLocation(int Line, int Column);
