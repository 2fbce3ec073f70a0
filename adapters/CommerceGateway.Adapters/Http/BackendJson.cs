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

    /// <summary>
    /// Reads an OAuth2 token answer (RFC 6749 §5.1): the <c>access_token</c>, a <c>token_type</c> that
    /// must be Bearer when present, and the lifetime from <c>expires_in</c>, or
    /// <paramref name="defaultLifetime"/> when the backend gives none. A missing or wrong field is a
    /// <see cref="BackendProtocolException"/> naming it.
    /// </summary>
    public static async Task<(string Token, TimeSpan Lifetime)> ReadTokenAsync(this HttpResponseMessage response, string channel, TimeSpan defaultLifetime, CancellationToken cancellationToken)
    {
        using var document = await response.ReadDocumentAsync(channel, cancellationToken);
        var root = document.Root(channel);
        var token = root.Required("access_token").AsString();
        if (root.Optional("token_type") is { } type && !string.Equals(type.AsString(), "bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw type.Problem("expected a Bearer token");
        }

        var lifetime = root.Optional("expires_in") is { } expires && expires.AsInt32() > 0
            ? TimeSpan.FromSeconds(expires.AsInt32())
            : defaultLifetime;
        return (token, lifetime);
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
