using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Reads the parameters of a token, introspection or revocation request: a form body (RFC 6749) or, for
/// clients written against Auth0, a JSON object, which OpenIddict does not read. Parameters may not
/// repeat (RFC 6749 §3.1) except <c>resource</c> and <c>audience</c>; empty values count as omitted.
/// </summary>
internal static class OAuthRequestBody
{
    private const int MaxJsonBytes = 64 * 1024;
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "resource", "audience" };
    private static readonly HashSet<string> ListValued = new(StringComparer.Ordinal) { "resource", "audience", "scope", "scopes" };

    public static async Task<(Dictionary<string, StringValues>? Parameters, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return (null, "The body must be application/x-www-form-urlencoded or application/json.");
        }

        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            ? await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false)
            : (null, "The body must be application/x-www-form-urlencoded or application/json.");
    }

    private static async Task<(Dictionary<string, StringValues>?, string?)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return (null, "The form body is malformed or too large.");
        }

        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (values.Count > 1 && !Repeatable.Contains(name))
            {
                return (null, $"The parameter '{name}' is repeated.");
            }

            Add(parameters, name, values);
        }

        return (parameters, null);
    }

    private static async Task<(Dictionary<string, StringValues>?, string?)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return (null, "The JSON body is too large.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 4 }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "The JSON body must be an object.");
            }

            var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    return (null, $"The parameter '{property.Name}' is repeated.");
                }

                if (ReadJsonValue(property) is not { } values)
                {
                    return (null, ListValued.Contains(property.Name)
                        ? $"The parameter '{property.Name}' must be a string or an array of strings."
                        : $"The parameter '{property.Name}' must be a string.");
                }

                // A list of scopes is one space-separated scope value; audiences and resources repeat.
                Add(parameters, property.Name, Repeatable.Contains(property.Name) ? values : new StringValues(string.Join(' ', values.ToArray())));
            }

            return (parameters, null);
        }
    }

    private static StringValues? ReadJsonValue(JsonProperty property)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return StringValues.Empty;
            case JsonValueKind.String:
                return new StringValues(property.Value.GetString());
            case JsonValueKind.Array when ListValued.Contains(property.Name):
                var items = new List<string>();
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    items.Add(item.GetString()!);
                }

                return new StringValues([.. items]);
            default:
                return null;
        }
    }

    private static void Add(Dictionary<string, StringValues> parameters, string name, StringValues values)
    {
        var kept = values.Where(v => !string.IsNullOrEmpty(v)).ToArray();
        if (kept.Length > 0)
        {
            parameters[name] = new StringValues(kept);
        }
    }
}
