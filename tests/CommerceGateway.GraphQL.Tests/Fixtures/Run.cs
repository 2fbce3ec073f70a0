using System.Text.Json;
using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Tests.Fixtures;

/// <summary>Runs documents against a schema and returns the JSON response, for compact assertions.</summary>
public static class Run
{
    private static readonly Lazy<GraphQLExecutor> Default = new(() => new GraphQLExecutor(PetSchema.Create(), new GraphQLOptions { EnableIntrospection = true }));

    public static GraphQLExecutor Executor => Default.Value;

    public static async Task<JsonElement> Json(string query, object? variables = null, GraphQLExecutor? executor = null, string? operationName = null)
    {
        var result = await (executor ?? Executor).ExecuteAsync(new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            Variables = variables is null ? null : Plain(JsonSerializer.SerializeToElement(variables)) as IReadOnlyDictionary<string, object?>,
        });
        return JsonDocument.Parse(result.ToJson()).RootElement;
    }

    public static Task<JsonElement> Json(Schema schema, string query) =>
        Json(query, null, new GraphQLExecutor(schema, new GraphQLOptions { EnableIntrospection = true }));

    public static string Compact(JsonElement element) => JsonSerializer.Serialize(element, Relaxed);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
