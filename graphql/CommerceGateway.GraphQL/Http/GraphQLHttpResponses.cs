using System.Globalization;
using CommerceGateway.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace CommerceGateway.GraphQL.Http;

/// <summary>Answers a host writes on the GraphQL endpoint for a request it refuses before the engine runs it.</summary>
public static class GraphQLHttpResponses
{
    /// <summary>
    /// Writes one GraphQL error whose <c>extensions.code</c> is <paramref name="code"/> and no
    /// <c>data</c> entry, in the media type the request's Accept header negotiates (as the endpoint
    /// does). With <c>application/graphql-response+json</c> the status is <paramref name="statusCode"/>
    /// (the GraphQL-over-HTTP spec requires 4xx or 5xx for a response without data), plus
    /// <c>Retry-After</c> when <paramref name="retryAfter"/> is given; with <c>application/json</c>
    /// it is 200, which the spec asks for with that media type (legacy clients read errors from the
    /// body, and a non-200 could come from any intermediary).
    /// </summary>
    /// <param name="context">The request being refused; nothing may have been written yet.</param>
    /// <param name="statusCode">The status for <c>application/graphql-response+json</c>, 4xx or 5xx.</param>
    /// <param name="message">The error's message, shown to clients.</param>
    /// <param name="code">The error's <c>extensions.code</c>.</param>
    /// <param name="retryAfter">When the client may retry; sent with the non-200 status only.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static Task WriteRequestErrorAsync(HttpContext context, int statusCode, string message, string code, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, StatusCodes.Status400BadRequest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept) ?? MediaTypes.Json;
        var status = mediaType == MediaTypes.GraphQLResponse ? statusCode : StatusCodes.Status200OK;
        if (status != StatusCodes.Status200OK && retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var result = ExecutionResult.Failed(GraphQLError.WithCode(message, code));
        return GraphQLHttpHandler.WriteAsync(context, status, mediaType, result);
    }
}
