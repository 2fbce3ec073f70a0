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

    /// <summary>
    /// Reads a request object straight from the UTF-8 body, without a JSON document in between. False
    /// for anything else (a batch, not an object, a malformed parameter, invalid JSON): the caller then
    /// takes the general path, which reports exactly what is wrong, so both paths answer alike.
    /// </summary>
    public static bool TryReadObject(ReadOnlySpan<byte> body, out GraphQLRequest? request)
    {
        request = null;
        try
        {
            // The reader's defaults (no comments, no trailing commas, depth 64) are JsonDocument's.
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? query = null, operationName = null;
            IReadOnlyDictionary<string, object?>? variables = null, extensions = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // As in FromJson, a repeated parameter takes its last value.
                var ok = true;
                if (reader.ValueTextEquals("query"u8))
                {
                    ok = reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
                    query = ok && reader.TokenType == JsonTokenType.String ? QueryTexts.Read(ref reader) : null;
                }
                else if (reader.ValueTextEquals("operationName"u8))
                {
                    ok = reader.Read() && ReadString(ref reader, out operationName);
                }
                else if (reader.ValueTextEquals("variables"u8))
                {
                    ok = reader.Read() && ReadMap(ref reader, out variables);
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    ok = reader.Read() && ReadMap(ref reader, out extensions);
                }
                else
                {
                    ok = reader.Read() && reader.TrySkip();
                }

                if (!ok)
                {
                    return false;
                }
            }

            // Anything but the end of the object here, or content after it, goes the general way.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }

            request = new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions };
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static bool ReadString(ref Utf8JsonReader reader, out string? text)
    {
        text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool ReadMap(ref Utf8JsonReader reader, out IReadOnlyDictionary<string, object?>? map)
    {
        map = reader.TokenType == JsonTokenType.StartObject ? (IReadOnlyDictionary<string, object?>)ReadPlain(ref reader)! : null;
        return map is not null || reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>The value at the reader as <see cref="ToPlain"/> makes it from a document.</summary>
    private static object? ReadPlain(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    map[name] = ReadPlain(ref reader);
                }

                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadPlain(ref reader));
                }

                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? integer : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
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
