using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The spec's CoerceArgumentValues(), with graphql-js's messages.</summary>
internal static class ArgumentValues
{
    public static IReadOnlyDictionary<string, object?> Coerce(
        List<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> nodes,
        IReadOnlyDictionary<string, object?> variables,
        Location location)
    {
        var result = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            ArgumentNode? node = null;
            foreach (var candidate in nodes)
            {
                if (candidate.Name == definition.Name)
                {
                    node = candidate;
                    break;
                }
            }

            if (node is null)
            {
                if (definition.HasDefault)
                {
                    result[definition.Name] = definition.DefaultValue;
                }
                else if (definition.Type is NonNullType)
                {
                    throw new FieldErrorException($"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.", location);
                }

                continue;
            }

            var isNull = node.Value is NullValueNode;
            if (node.Value is VariableNode variable)
            {
                if (!variables.TryGetValue(variable.Name, out var variableValue))
                {
                    if (definition.HasDefault)
                    {
                        result[definition.Name] = definition.DefaultValue;
                    }
                    else if (definition.Type is NonNullType)
                    {
                        throw new FieldErrorException(
                            $"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was provided the variable \"${variable.Name}\" which was not provided a runtime value.",
                            node.Value.Location);
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && definition.Type is NonNullType)
            {
                throw new FieldErrorException($"Argument \"{definition.Name}\" of non-null type \"{definition.Type}\" must not be null.", node.Value.Location);
            }

            if (!InputCoercion.TryCoerceLiteral(node.Value, definition.Type, variables, out var value))
            {
                throw new FieldErrorException($"Argument \"{definition.Name}\" has invalid value {Printer.Print(node.Value)}.", node.Value.Location);
            }

            result[definition.Name] = value;
        }

        return result;
    }
}
