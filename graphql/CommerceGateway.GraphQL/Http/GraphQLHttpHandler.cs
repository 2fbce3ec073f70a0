using System.Buffers;
using System.Text.Json;
using CommerceGateway.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.GraphQL.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint: POST with application/json, GET for queries, Accept negotiation
/// between application/graphql-response+json and application/json, and the spec's status codes.
/// </summary>
internal sealed partial class GraphQLHttpHandler(GraphQLExecutor executor, ILogger<GraphQLHttpHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json, $"The {request.Method} method is not supported; use GET or POST.");
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, MediaTypes.Json, "Accept must allow application/graphql-response+json or application/json.");
            return;
        }

        if (isGet)
        {
            var getRequest = HttpRequestParser.FromQueryString(request.Query, out var problem);
            if (getRequest is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, problem!);
                return;
            }

            await ExecuteAsync(context, getRequest, mediaType);
            return;
        }

        await HandlePostAsync(context, mediaType);
    }

    private async Task HandlePostAsync(HttpContext context, string mediaType)
    {
        var request = context.Request;
        var contentType = request.ContentType;
        if (!MediaTypes.IsPlainJson(contentType))
        {
            if (string.IsNullOrEmpty(contentType)
                || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsedType)
                || !string.Equals(parsedType.MediaType.Value, MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            {
                await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, mediaType, "POST requests must have Content-Type: application/json.");
                return;
            }

            if (parsedType.Charset.HasValue && !string.Equals(parsedType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
            {
                await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, mediaType, "Only the utf-8 charset is supported.");
                return;
            }
        }

        var limit = executor.Options.Limits.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, mediaType, $"The request body is larger than {limit} bytes.");
            return;
        }

        var (body, length) = await ReadBodyAsync(request, limit, context.RequestAborted);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, mediaType, $"The request body is larger than {limit} bytes.");
            return;
        }

        try
        {
            if (HttpRequestParser.TryReadObject(body.AsSpan(0, length), out var single))
            {
                await ExecuteAsync(context, single!, mediaType);
                return;
            }

            await HandleJsonDocumentAsync(context, body.AsMemory(0, length), mediaType);
        }
        finally
        {
            // Only after the JSON document over the buffer is disposed and the request has run.
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    /// <summary>The general path: batches, and bodies the direct reader leaves to JsonDocument to explain.</summary>
    private async Task HandleJsonDocumentAsync(HttpContext context, ReadOnlyMemory<byte> body, string mediaType)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            LogMalformedBody(logger);
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, "The request body is not valid JSON.");
            return;
        }

        using (json)
        {
            if (json.RootElement.ValueKind == JsonValueKind.Array)
            {
                await HandleBatchAsync(context, json.RootElement, mediaType);
                return;
            }

            var graphQLRequest = HttpRequestParser.FromJson(json.RootElement, queriesOnly: false, out var problem);
            if (graphQLRequest is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, problem!);
                return;
            }

            await ExecuteAsync(context, graphQLRequest, mediaType);
        }
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLRequest request, string mediaType)
    {
        var result = await executor.ExecuteAsync(request, new RequestServices(context), context.RequestAborted);
        int status;
        if (result.OnlyAllowedWithPost)
        {
            context.Response.Headers.Allow = "POST";
            status = StatusCodes.Status405MethodNotAllowed;
        }
        else if (result.HasData)
        {
            status = StatusCodes.Status200OK;
        }
        else
        {
            // application/json keeps 200 for well-formed requests (legacy clients read errors from the body);
            // the GraphQL media type reports request errors in the status code, as the spec requires.
            status = mediaType == MediaTypes.GraphQLResponse || request.Query is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        }

        await WriteAsync(context, status, mediaType, result);
    }

    private async Task HandleBatchAsync(HttpContext context, JsonElement batch, string mediaType)
    {
        var maxBatch = executor.Options.Limits.MaxBatchSize;
        if (maxBatch == 0 || batch.GetArrayLength() > maxBatch)
        {
            await WriteErrorAsync(
                context,
                StatusCodes.Status400BadRequest,
                mediaType,
                maxBatch == 0 ? "Batched requests are not supported." : $"A batch may hold at most {maxBatch} operations.",
                ErrorCodes.BatchingNotAllowed);
            return;
        }

        var results = new List<ExecutionResult>();
        foreach (var item in batch.EnumerateArray())
        {
            var request = HttpRequestParser.FromJson(item, queriesOnly: false, out var problem);
            results.Add(request is null
                ? new ExecutionResult(false, null, [GraphQLError.WithCode(problem!, ErrorCodes.BadRequest)])
                : await executor.ExecuteAsync(request, new RequestServices(context), context.RequestAborted));
        }

        await WriteAsync(context, StatusCodes.Status200OK, mediaType, writer =>
        {
            writer.WriteStartArray();
            foreach (var result in results)
            {
                result.WriteTo(writer);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>The whole body in a pooled buffer (the caller returns it), or null when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return (null, 0);
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                var length = (int)buffer.Length;
                var copy = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                buffer.CopyTo(copy);
                reader.AdvanceTo(buffer.End);
                return (copy, length);
            }

            // Nothing consumed yet: ask for more until the body is complete.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string mediaType, string message, string code = ErrorCodes.BadRequest)
    {
        var result = ExecutionResult.Failed(GraphQLError.WithCode(message, code));
        return WriteAsync(context, status, mediaType, result);
    }

    internal static Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result) =>
        WriteAsync(context, status, mediaType, result, static (writer, result) => result.WriteTo(writer));

    private static Task WriteAsync(HttpContext context, int status, string mediaType, Action<Utf8JsonWriter> write) =>
        WriteAsync(context, status, mediaType, write, static (writer, write) => write(writer));

    // The state is passed through so the hot path (one result per request) allocates no closure.
    private static Task WriteAsync<TState>(HttpContext context, int status, string mediaType, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MediaTypes.WithCharset(mediaType);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using (var writer = new Utf8JsonWriter(response.BodyWriter, ExecutionResult.WriterOptions))
        {
            write(writer, state);
        }

        var flush = response.BodyWriter.FlushAsync(context.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "GraphQL request body is not valid JSON")]
    private static partial void LogMalformedBody(ILogger logger);
}
