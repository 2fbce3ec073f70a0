using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>
/// Reads the parameters of a token, introspection or revocation request from a form body (RFC 6749) or
/// a JSON object (Auth0 style), refusing repeated parameters and credentials in the query string.
/// </summary>
internal static class OAuthRequestReader
{
    private const int MaxJsonBytes = 64 * 1024;
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "resource", "audience" };
    private static readonly HashSet<string> ListValued = new(StringComparer.Ordinal) { "resource", "audience", "scope", "scopes" };
    private static readonly string[] ForbiddenInQuery = ["client_id", "client_secret", "token"];

    public static async Task<(OAuthParameters? Parameters, OAuthError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        foreach (var name in ForbiddenInQuery)
        {
            if (request.Query.ContainsKey(name))
            {
                return (null, OAuthError.InvalidRequest($"'{name}' must be sent in the request body, never in the URL."));
            }
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return (null, OAuthError.InvalidRequest("The body must be application/x-www-form-urlencoded or application/json."));
        }

        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return (null, OAuthError.InvalidRequest("The body must be application/x-www-form-urlencoded or application/json."));
    }

    private static async Task<(OAuthParameters?, OAuthError?)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return (null, OAuthError.InvalidRequest("The form body is malformed or too large."));
        }

        var parameters = new OAuthParameters();
        foreach (var (name, values) in form)
        {
            if (values.Count > 1 && !Repeatable.Contains(name))
            {
                return (null, OAuthError.InvalidRequest($"The parameter '{name}' is repeated."));
            }

            foreach (var value in values)
            {
                parameters.Add(name, value ?? string.Empty);
            }
        }

        return (parameters, null);
    }

    private static async Task<(OAuthParameters?, OAuthError?)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return (null, OAuthError.InvalidRequest("The JSON body is too large."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 4 }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return (null, OAuthError.InvalidRequest("The body is not valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, OAuthError.InvalidRequest("The JSON body must be an object."));
            }

            var parameters = new OAuthParameters();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    return (null, OAuthError.InvalidRequest($"The parameter '{property.Name}' is repeated."));
                }

                var error = AddJsonValue(parameters, property);
                if (error is not null)
                {
                    return (null, error);
                }
            }

            return (parameters, null);
        }
    }

    private static OAuthError? AddJsonValue(OAuthParameters parameters, JsonProperty property)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                parameters.Add(property.Name, property.Value.GetString()!);
                return null;
            case JsonValueKind.Array when ListValued.Contains(property.Name):
                var items = new List<string>();
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return OAuthError.InvalidRequest($"The parameter '{property.Name}' must be a string or an array of strings.");
                    }

                    items.Add(item.GetString()!);
                }

                if (Repeatable.Contains(property.Name))
                {
                    items.ForEach(item => parameters.Add(property.Name, item));
                }
                else
                {
                    parameters.Add(property.Name, string.Join(' ', items));
                }

                return null;
            default:
                return OAuthError.InvalidRequest($"The parameter '{property.Name}' must be a string.");
        }
    }
}
