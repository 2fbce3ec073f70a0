using Microsoft.Net.Http.Headers;

namespace CommerceGateway.GraphQL.Http;

/// <summary>The media types of the GraphQL-over-HTTP spec, and Accept negotiation between them.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    private const string GraphQLResponseUtf8 = GraphQLResponse + "; charset=utf-8";
    private const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>The Content-Type of a response in <paramref name="mediaType"/> (one of the two above).</summary>
    public static string WithCharset(string mediaType) => mediaType switch
    {
        GraphQLResponse => GraphQLResponseUtf8,
        Json => JsonUtf8,
        _ => mediaType + "; charset=utf-8",
    };

    /// <summary>True for the Content-Type values clients send almost always, which need no parsing to be accepted.</summary>
    public static bool IsPlainJson(string? contentType) =>
        string.Equals(contentType, Json, StringComparison.OrdinalIgnoreCase) || string.Equals(contentType, JsonUtf8, StringComparison.OrdinalIgnoreCase);

    /// <summary>The response type for an Accept header, or null when none is acceptable (406).</summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        // One plain media type, as most clients send: the answer the general parse below would give.
        if (acceptHeaders is { Count: 1 } && acceptHeaders[0] is { } only)
        {
            if (string.Equals(only, GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponse;
            }

            if (string.Equals(only, Json, StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }
        }

        if (acceptHeaders is null || acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace))
        {
            // The spec: a request without Accept is treated as if it accepted application/json.
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var parsed))
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var value in parsed)
        {
            var quality = value.Quality ?? 1;
            if (quality <= 0)
            {
                continue;
            }

            var mediaType = value.MediaType.Value?.ToLowerInvariant();
            var candidate = mediaType switch
            {
                GraphQLResponse => GraphQLResponse,
                Json => Json,
                "*/*" or "application/*" => Json,
                _ => null,
            };
            if (candidate is null)
            {
                continue;
            }

            // Prefer the GraphQL media type on equal quality: it lets status codes carry request errors.
            if (best is null || quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse && best != GraphQLResponse && mediaType == GraphQLResponse))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }
}
