using System.Runtime.CompilerServices;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The implicit fields <c>__typename</c> (every composite type) and <c>__schema</c>/<c>__type</c> (query root).</summary>
internal static class MetaFields
{
    private static readonly ConditionalWeakTable<Schema, FieldDefinition[]> PerSchema = [];

    public static FieldDefinition TypeName { get; } = new("__typename", new NonNullType(new ScalarGraphType(StringScalar.Instance)))
    {
        Description = "The name of the current Object type at runtime.",
    };

    public static FieldDefinition SchemaField(Schema schema) => For(schema)[0];

    public static FieldDefinition TypeField(Schema schema) => For(schema)[1];

    private static FieldDefinition[] For(Schema schema) => PerSchema.GetValue(schema, static s =>
    {
        var schemaField = new FieldDefinition("__schema", new NonNullType(s.TypeMap["__Schema"]))
        {
            Description = "Access the current type schema of this server.",
            Resolver = context => new ValueTask<object?>(((ResolverContext)context).Schema),
        };
        var typeField = new FieldDefinition("__type", s.TypeMap["__Type"])
        {
            Description = "Request the type information of a single type.",
            Resolver = context => new ValueTask<object?>(((ResolverContext)context).Schema.FindType((string)context.Arguments["name"]!)),
        };
        typeField.Arguments.Add(new InputValueDefinition("name", new NonNullType(s.TypeMap["String"])));
        return [schemaField, typeField];
    });
}
