using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Diagnostics;

/// <summary>
/// Operation counts and durations. The meter is static because executors are created with
/// <c>new</c>, outside any container, so there is no meter factory to ask.
/// </summary>
internal static class GraphQLMetrics
{
    private static readonly Meter Meter = new(GraphQLMeter.Name);
    private static readonly Counter<long> Operations = Meter.CreateCounter<long>("graphql.server.operations", unit: "{operation}", description: "GraphQL operations by operation type and outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("graphql.server.operation.duration", unit: "s", description: "GraphQL operation duration, parse to result.");

    public static void Record(OperationType? type, ExecutionResult? result, long startedTimestamp)
    {
        // No result means the caller canceled (or a resolver threw past the error reporter).
        var outcome = result is null ? "canceled" : !result.HasData ? "rejected" : result.Errors.Count > 0 ? "error" : "success";
        var tags = new TagList
        {
            { "operation_type", TypeTag(type) },
            { "outcome", outcome },
        };
        Operations.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }

    // Constants, so a request does not format and lower-case the enum's name.
    private static string TypeTag(OperationType? type) => type switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "unknown",
    };
}
