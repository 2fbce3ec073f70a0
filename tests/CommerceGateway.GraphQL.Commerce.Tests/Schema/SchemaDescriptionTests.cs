using System.Text.Json;
using CommerceGateway.GraphQL.Execution;

namespace CommerceGateway.GraphQL.Commerce.Tests.Schema;

/// <summary>Every type, field, argument and input field the schema defines says what it is.</summary>
public sealed class SchemaDescriptionTests
{
    private const string Query = """
        {
          __schema {
            description
            types {
              name description
              fields { name description args { name description } }
              inputFields { name description }
            }
          }
        }
        """;

    [Fact]
    public async Task EveryTypeFieldAndArgument_HasADescription()
    {
        var executor = new GraphQLExecutor(CommerceSchema.Create(), new GraphQLOptions { EnableIntrospection = true });

        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = Query });

        Assert.Empty(result.Errors);
        using var json = JsonDocument.Parse(result.ToJson());
        var schema = json.RootElement.GetProperty("data").GetProperty("__schema");
        Assert.False(string.IsNullOrWhiteSpace(schema.GetProperty("description").GetString()));
        var missing = new List<string>();
        foreach (var type in schema.GetProperty("types").EnumerateArray())
        {
            var name = type.GetProperty("name").GetString()!;
            if (name.StartsWith("__", StringComparison.Ordinal) || name is "String" or "Int" or "Float" or "Boolean" or "ID")
            {
                continue;
            }

            Check(type, name, missing);
            foreach (var field in Items(type, "fields"))
            {
                var fieldName = $"{name}.{field.GetProperty("name").GetString()}";
                Check(field, fieldName, missing);
                foreach (var argument in Items(field, "args"))
                {
                    Check(argument, $"{fieldName}({argument.GetProperty("name").GetString()})", missing);
                }
            }

            foreach (var field in Items(type, "inputFields"))
            {
                Check(field, $"{name}.{field.GetProperty("name").GetString()}", missing);
            }
        }

        Assert.True(missing.Count == 0, "Without a description: " + string.Join(", ", missing));
    }

    private static List<JsonElement> Items(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Array ? [.. element.GetProperty(property).EnumerateArray()] : [];

    private static void Check(JsonElement element, string name, List<string> missing)
    {
        if (string.IsNullOrWhiteSpace(element.GetProperty("description").GetString()))
        {
            missing.Add(name);
        }
    }
}
