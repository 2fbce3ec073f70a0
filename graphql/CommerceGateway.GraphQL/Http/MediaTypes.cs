using Microsoft.Net.Http.Headers;

namespace CommerceGateway.GraphQL.Http;

/// <summary>The media types of the GraphQL-over-HTTP spec, and Accept negotiation between them.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response type for an Accept header, or null when none is acceptable (406).</summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
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
