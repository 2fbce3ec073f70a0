namespace CommerceGateway.GraphQL;

/// <summary>The meter of the GraphQL engine, for hosts that export metrics.</summary>
public static class GraphQLMeter
{
    /// <summary>
    /// The meter's name. Instruments: <c>graphql.server.operations</c> (counter) and
    /// <c>graphql.server.operation.duration</c> (histogram, seconds), both tagged
    /// <c>operation_type</c> (query, mutation, subscription, or unknown when no operation was
    /// selected) and <c>outcome</c> (success, error when execution produced errors, rejected when
    /// the request never executed: parse, validation, variable or limit errors).
    /// </summary>
    public const string Name = "CommerceGateway.GraphQL";
}
