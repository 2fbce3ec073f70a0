using System.Diagnostics;
using CommerceGateway.GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// Turns a field failure into a client error. Unexpected exceptions are logged with a correlation
/// id and, unless details are exposed (Development), reach the client only as "Unexpected error".
/// </summary>
internal sealed partial class FieldErrorReporter(ILogger logger, bool exposeExceptionDetails)
{
    public GraphQLError Report(Exception exception, IReadOnlyList<ErrorLocation> locations, IReadOnlyList<object> path)
    {
        switch (exception)
        {
            case GraphQLException known:
                var extensions = new Dictionary<string, object?>(known.Extensions) { ["code"] = known.Code };
                return new GraphQLError(known.Message, locations, path, extensions);
            case FieldErrorException engine:
                var at = engine.Location is { } location ? [new ErrorLocation(location.Line, location.Column)] : locations;
                return new GraphQLError(engine.Message, at, path);
            case ScalarCoercionException coercion:
                return new GraphQLError(coercion.Message, locations, path);
            default:
                var correlationId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
                LogResolverFailed(logger, exception, string.Join('.', path), correlationId);
                var message = exposeExceptionDetails ? exception.Message : "Unexpected error";
                return new GraphQLError(message, locations, path, new Dictionary<string, object?>
                {
                    ["code"] = ErrorCodes.InternalServerError,
                    ["correlationId"] = correlationId,
                });
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "GraphQL resolver for {Path} failed (correlation id {CorrelationId})")]
    private static partial void LogResolverFailed(ILogger logger, Exception exception, string path, string correlationId);
}
