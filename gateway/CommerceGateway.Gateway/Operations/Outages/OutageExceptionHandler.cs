using CommerceGateway.Gateway.FrontDoors.Livescale;
using CommerceGateway.GraphQL.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace CommerceGateway.Gateway.Operations.Outages;

/// <summary>
/// The last line for an <see cref="Outage"/> (the state store, or an external authority's metadata) that
/// reaches the exception handler: 503 with <c>Retry-After</c> as ProblemDetails on REST, as a GraphQL error
/// on <c>/graphql</c> and in the Livescale error model on <c>/livescale</c>, instead of the generic 500.
/// Bearer validation lets both propagate; identity's OAuth endpoints answer store outages themselves.
/// </summary>
internal sealed partial class OutageExceptionHandler(IProblemDetailsService problems, ILogger<OutageExceptionHandler> logger) : IExceptionHandler
{
    private static readonly PathString LivescalePath = new("/livescale");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Outage.Of(exception) is not { } outage || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogOutage(logger, httpContext.Request.Path.Value ?? string.Empty, outage.Code, exception.GetType().Name, exception.Message);
        if (httpContext.Request.Path.StartsWithSegments(CommerceGraphQLExtensions.Path, StringComparison.OrdinalIgnoreCase))
        {
            await GraphQLHttpResponses.WriteRequestErrorAsync(httpContext, StatusCodes.Status503ServiceUnavailable, outage.Message, outage.Code, outage.RetryAfter);
            return true;
        }

        if (httpContext.Request.Path.StartsWithSegments(LivescalePath, StringComparison.OrdinalIgnoreCase))
        {
            // Met before the front door's endpoints run (the bearer check reads the revoked tokens): its error model.
            await LivescaleErrors.Unavailable(httpContext, outage).ExecuteAsync(httpContext);
            return true;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = outage.RetryAfterHeader;
        httpContext.Response.Headers.CacheControl = "no-store";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = outage.Message,
                Extensions = { ["code"] = outage.Code },
            },
        });
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "{Path} answered 503 {Code} ({ExceptionType}: {Reason})")]
    private static partial void LogOutage(ILogger logger, string path, string code, string exceptionType, string reason);
}
