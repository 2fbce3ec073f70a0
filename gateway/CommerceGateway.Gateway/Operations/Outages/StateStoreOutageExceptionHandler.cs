using System.Globalization;
using CommerceGateway.Gateway.FrontDoors.Livescale;
using CommerceGateway.GraphQL.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace CommerceGateway.Gateway.Operations.Outages;

/// <summary>
/// The last line for a state-store outage that reaches the exception handler: 503 with
/// <c>Retry-After</c> as ProblemDetails on REST, as a GraphQL error on <c>/graphql</c> and in the
/// Livescale error model on <c>/livescale</c>, instead of the generic 500. Identity's OAuth endpoints and bearer validation answer outages themselves.
/// </summary>
internal sealed partial class StateStoreOutageExceptionHandler(IProblemDetailsService problems, ILogger<StateStoreOutageExceptionHandler> logger) : IExceptionHandler
{
    private static readonly PathString LivescalePath = new("/livescale");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StateStoreOutage.IsOutage(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogOutage(logger, httpContext.Request.Path.Value ?? string.Empty, exception.GetType().Name, exception.Message);
        if (httpContext.Request.Path.StartsWithSegments(CommerceGraphQLExtensions.Path, StringComparison.OrdinalIgnoreCase))
        {
            await GraphQLHttpResponses.WriteRequestErrorAsync(httpContext, StatusCodes.Status503ServiceUnavailable, StateStoreOutage.Message, StateStoreOutage.Code, StateStoreOutage.RetryAfter);
            return true;
        }

        if (httpContext.Request.Path.StartsWithSegments(LivescalePath, StringComparison.OrdinalIgnoreCase))
        {
            // Met before the front door's endpoints run (the bearer check reads the revoked tokens): its error model.
            await LivescaleErrors.StateStoreUnavailable(httpContext).ExecuteAsync(httpContext);
            return true;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((long)StateStoreOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        httpContext.Response.Headers.CacheControl = "no-store";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = StateStoreOutage.Message,
                Extensions = { ["code"] = StateStoreOutage.Code },
            },
        });
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "{Path} answered 503: state store unavailable ({ExceptionType}: {Reason})")]
    private static partial void LogOutage(ILogger logger, string path, string exceptionType, string reason);
}
