using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>Writes OAuth JSON responses straight to the response body, with the no-store headers of RFC 6749 §5.1.</summary>
internal static class OAuthResponses
{
    public const string PublicCache = "public, max-age=60";

    /// <summary>Writes one JSON object; responses are <c>no-store</c> unless <paramref name="cacheControl"/> says otherwise.</summary>
    public static async Task WriteJsonAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write, string cacheControl = "no-store")
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = cacheControl;
        if (cacheControl == "no-store")
        {
            response.Headers.Pragma = "no-cache";
        }

        // Buffered so the response has a Content-Length instead of chunked encoding.
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, OAuthError error)
    {
        if (error.BasicChallenge)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"identity\", charset=\"UTF-8\"";
        }

        if (error.RetryAfter is { } retryAfter)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, error.StatusCode, writer =>
        {
            writer.WriteString("error", error.Error);
            writer.WriteString("error_description", error.Description);
        });
    }

    /// <summary>Writes a pre-serialized document (JWKS) with a short public cache lifetime.</summary>
    public static async Task WriteDocumentAsync(HttpContext context, ReadOnlyMemory<byte> json)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = PublicCache;
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
