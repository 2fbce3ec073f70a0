using System.Text.Json;

namespace CommerceGateway.Adapters;

/// <summary>Reading backend answers as JSON, with protocol errors instead of parser exceptions.</summary>
public static class BackendJson
{
    /// <summary>
    /// Reads the response body as a JSON document. An empty or malformed body is a
    /// <see cref="BackendProtocolException"/> naming "(body)".
    /// </summary>
    public static async Task<JsonDocument> ReadDocumentAsync(this HttpResponseMessage response, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new BackendProtocolException(channel, "(body)", $"not valid JSON ({(int)response.StatusCode} answer): {e.Message}", e);
        }
    }

    /// <summary>The document's root value, with an empty path.</summary>
    public static BackendJsonValue Root(this JsonDocument document, string channel)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new BackendJsonValue(document.RootElement, string.Empty, channel);
    }

    /// <summary>
    /// Throws <see cref="BackendUnavailableException"/> for a 5xx answer (after the pipeline's
    /// retries), which is a fault rather than a business answer.
    /// </summary>
    public static void ThrowIfServerError(this HttpResponseMessage response, string channel)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            throw new BackendUnavailableException(channel, $"The {channel} backend answered {status}.", status);
        }
    }
}
