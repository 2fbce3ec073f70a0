using System.Text.Json;
using CommerceGateway.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace CommerceGateway.GraphQL.Http;

/// <summary>Reads GraphQL-over-HTTP request parameters from a JSON body or a GET query string.</summary>
internal static class HttpRequestParser
{
    /// <summary>Parses one request object; a message describes the first malformed parameter.</summary>
    public static GraphQLRequest? FromJson(JsonElement element, bool queriesOnly, out string? problem)
    {
        problem = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = "The request body must be a JSON object.";
            return null;
        }

        string? query = null, operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null, extensions = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    if (!TryString(property.Value, out query))
                    {
                        problem = "The \"query\" parameter must be a string.";
                        return null;
                    }

                    break;
                case "operationName":
                    if (!TryString(property.Value, out operationName))
                    {
                        problem = "The \"operationName\" parameter must be a string.";
                        return null;
                    }

                    break;
                case "variables":
                    if (!TryMap(property.Value, out variables))
                    {
                        problem = "The \"variables\" parameter must be a map.";
                        return null;
                    }

                    break;
                case "extensions":
                    if (!TryMap(property.Value, out extensions))
                    {
                        problem = "The \"extensions\" parameter must be a map.";
                        return null;
                    }

                    break;
                default:
                    break;
            }
        }

        return new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions, QueriesOnly = queriesOnly };
    }

    public static GraphQLRequest? FromQueryString(IQueryCollection parameters, out string? problem)
    {
        problem = null;
        IReadOnlyDictionary<string, object?>? variables = null, extensions = null;
        if (parameters.TryGetValue("variables", out var variablesText) && !string.IsNullOrEmpty(variablesText))
        {
            if (!TryParseMap(variablesText!, out variables))
            {
                problem = "The \"variables\" parameter must be a JSON-encoded map.";
                return null;
            }
        }

        if (parameters.TryGetValue("extensions", out var extensionsText) && !string.IsNullOrEmpty(extensionsText))
        {
            if (!TryParseMap(extensionsText!, out extensions))
            {
                problem = "The \"extensions\" parameter must be a JSON-encoded map.";
                return null;
            }
        }

        var query = parameters.TryGetValue("query", out var q) && !string.IsNullOrEmpty(q) ? q.ToString() : null;
        var operationName = parameters.TryGetValue("operationName", out var o) && !string.IsNullOrEmpty(o) ? o.ToString() : null;
        return new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions, QueriesOnly = true };
    }

    private static bool TryParseMap(string text, out IReadOnlyDictionary<string, object?>? map)
    {
        map = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return TryMap(document.RootElement, out map);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryString(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static bool TryMap(JsonElement value, out IReadOnlyDictionary<string, object?>? map)
    {
        map = value.ValueKind == JsonValueKind.Object ? (IReadOnlyDictionary<string, object?>)ToPlain(value)! : null;
        return value.ValueKind is JsonValueKind.Object or JsonValueKind.Null;
    }

    /// <summary>JSON to the plain values input coercion expects.</summary>
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (map, property) =>
            {
                map[property.Name] = ToPlain(property.Value);
                return map;
            }),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
