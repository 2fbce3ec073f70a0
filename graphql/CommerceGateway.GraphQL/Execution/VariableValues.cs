using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The spec's CoerceVariableValues(), with graphql-js's messages.</summary>
internal static class VariableValues
{
    public static IReadOnlyDictionary<string, object?> Coerce(
        Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name;
            var location = new List<ErrorLocation> { new(definition.Location.Line, definition.Location.Column) };
            var type = TypeFromAst(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(GraphQLError.WithCode($"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.", ErrorCodes.BadUserInput, location));
                continue;
            }

            if (inputs is null || !inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    if (InputCoercion.TryCoerceLiteral(definition.DefaultValue, type, null, out var defaultValue))
                    {
                        coerced[name] = defaultValue;
                    }
                }
                else if (type is NonNullType)
                {
                    errors.Add(GraphQLError.WithCode($"Variable \"${name}\" of required type \"{type}\" was not provided.", ErrorCodes.BadUserInput, location));
                }

                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(GraphQLError.WithCode($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", ErrorCodes.BadUserInput, location));
                continue;
            }

            var failed = false;
            var result = InputCoercion.CoerceValue(value, type, [], (path, invalid, message) =>
            {
                failed = true;
                var at = path.Count > 0 ? $" at \"{name}{string.Concat(path.Select(p => p is int i ? $"[{i}]" : $".{p}"))}\"" : string.Empty;
                errors.Add(GraphQLError.WithCode($"Variable \"${name}\" got invalid value {InputCoercion.Describe(invalid)}{at}; {message}", ErrorCodes.BadUserInput, location));
            });
            if (!failed)
            {
                coerced[name] = result;
            }
        }

        return coerced;
    }

    private static GraphType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => schema.FindType(named.Name),
        _ => null,
    };
}
