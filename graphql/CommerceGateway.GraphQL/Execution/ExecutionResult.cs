using System.Text.Json;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The outcome of one request: <c>data</c> (when execution started), <c>errors</c> and <c>extensions</c>.</summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(bool hasData, IReadOnlyDictionary<string, object?>? data, IReadOnlyList<GraphQLError> errors)
    {
        HasData = hasData;
        Data = data;
        Errors = errors;
    }

    /// <summary>False when the request failed before execution (parse, validation, coercion); <c>data</c> is then absent.</summary>
    public bool HasData { get; }

    /// <summary>The response data in selection order; null when absent or nulled by an error.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; }

    /// <summary>Errors, in the order they occurred.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>True when the operation is a mutation sent where only queries may run (HTTP GET answers 405).</summary>
    internal bool OnlyAllowedWithPost { get; init; }

    /// <summary>Response extensions, or null.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>Writes the response as JSON.</summary>
    public void WriteTo(Utf8JsonWriter writer) => ResultJsonWriter.Write(writer, this);

    /// <summary>The response as a JSON string.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>graphql-js does not escape non-ASCII or HTML characters; neither do we, so responses match byte for byte.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static ExecutionResult Failed(params GraphQLError[] errors) => new(false, null, errors);

    internal static ExecutionResult Failed(IReadOnlyList<GraphQLError> errors) => new(false, null, errors);
}
