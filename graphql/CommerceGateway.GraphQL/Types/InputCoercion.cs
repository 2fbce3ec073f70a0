using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Types;

/// <summary>
/// The spec's input coercion: literals (graphql-js valueFromAST) and runtime values from
/// variables (coerceInputValue). Input objects become string-keyed dictionaries, lists become lists.
/// </summary>
internal static class InputCoercion
{
    /// <summary>Coerces a literal; false means the literal is invalid for <paramref name="type"/>.</summary>
    public static bool TryCoerceLiteral(ValueNode node, GraphType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name, out value))
            {
                return false;
            }

            return value is not null || type is not NonNullType;
        }

        switch (type)
        {
            case NonNullType nonNull:
                return node is not NullValueNode && TryCoerceLiteral(node, nonNull.OfType, variables, out value);
            case var _ when node is NullValueNode:
                return true;
            case ListType list:
                if (node is ListValueNode listNode)
                {
                    var items = new List<object?>(listNode.Values.Count);
                    foreach (var item in listNode.Values)
                    {
                        if (IsMissingVariable(item, variables))
                        {
                            if (list.OfType is NonNullType)
                            {
                                return false;
                            }

                            items.Add(null);
                            continue;
                        }

                        if (!TryCoerceLiteral(item, list.OfType, variables, out var itemValue))
                        {
                            return false;
                        }

                        items.Add(itemValue);
                    }

                    value = items;
                    return true;
                }

                if (!TryCoerceLiteral(node, list.OfType, variables, out var single))
                {
                    return false;
                }

                value = new List<object?> { single };
                return true;
            case InputObjectGraphType input:
                return TryCoerceObjectLiteral(node, input, variables, out value);
            case EnumGraphType enumType:
                if (node is EnumValueNode enumNode && enumType.ByName.TryGetValue(enumNode.Value, out var enumValue))
                {
                    value = enumValue.Value;
                    return true;
                }

                return false;
            case ScalarGraphType scalar:
                try
                {
                    value = scalar.Implementation is BuiltInScalar builtIn
                        ? builtIn.ParseLiteral(node)
                        : ParseCustomLiteral(scalar.Implementation, node, variables);
                    return true;
                }
                catch (ScalarCoercionException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    /// <summary>Why a literal is invalid for a scalar, or null when it is valid; used by validation messages.</summary>
    public static string? ScalarLiteralError(ScalarGraphType scalar, ValueNode node)
    {
        try
        {
            _ = scalar.Implementation is BuiltInScalar builtIn ? builtIn.ParseLiteral(node) : ParseCustomLiteral(scalar.Implementation, node, null);
            return null;
        }
        catch (ScalarCoercionException e)
        {
            return e.Message;
        }
    }

    private static object ParseCustomLiteral(ScalarType scalar, ValueNode node, IReadOnlyDictionary<string, object?>? variables)
    {
        var plain = ToPlain(node, variables) ?? throw new ScalarCoercionException($"{scalar.Name} cannot represent null.");
        return scalar.ParseValue(plain);
    }

    private static bool TryCoerceObjectLiteral(ValueNode node, InputObjectGraphType input, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is not ObjectValueNode objectNode)
        {
            return false;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in input.FieldList)
        {
            var fieldNode = objectNode.Fields.FirstOrDefault(f => f.Name == field.Name);
            if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
            {
                if (field.HasDefault)
                {
                    result[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryCoerceLiteral(fieldNode.Value, field.Type, variables, out var fieldValue))
            {
                return false;
            }

            result[field.Name] = fieldValue;
        }

        if (objectNode.Fields.Any(f => !input.Fields.ContainsKey(f.Name)))
        {
            return false;
        }

        if (input.IsOneOf && (result.Count != 1 || result.Values.First() is null))
        {
            return false;
        }

        value = result;
        return true;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name));

    /// <summary>A literal as a plain value (graphql-js valueFromASTUntyped); enum literals become strings.</summary>
    public static object? ToPlain(ValueNode node, IReadOnlyDictionary<string, object?>? variables) => node switch
    {
        NullValueNode => null,
        IntValueNode i => long.TryParse(i.Value, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : double.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode list => list.Values.Select(v => ToPlain(v, variables)).ToList(),
        ObjectValueNode obj => obj.Fields.ToDictionary(f => f.Name, f => ToPlain(f.Value, variables), StringComparer.Ordinal),
        VariableNode v => variables?.GetValueOrDefault(v.Name),
        _ => null,
    };

    /// <summary>Coerces a runtime input value (graphql-js coerceInputValue); <paramref name="onError"/> receives the path and message.</summary>
    public static object? CoerceValue(object? input, GraphType type, List<object> path, Action<IReadOnlyList<object>, object?, string> onError)
    {
        if (type is NonNullType nonNull)
        {
            if (input is not null)
            {
                return CoerceValue(input, nonNull.OfType, path, onError);
            }

            onError(path, input, $"Expected non-nullable type \"{type}\" not to be null.");
            return null;
        }

        if (input is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (input is IReadOnlyList<object?> items)
                {
                    var result = new List<object?>(items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        path.Add(i);
                        result.Add(CoerceValue(items[i], list.OfType, path, onError));
                        path.RemoveAt(path.Count - 1);
                    }

                    return result;
                }

                return new List<object?> { CoerceValue(input, list.OfType, path, onError) };
            case InputObjectGraphType inputObject:
                return CoerceObject(input, inputObject, path, onError);
            case EnumGraphType enumType:
                if (input is string name && enumType.ByName.TryGetValue(name, out var enumValue))
                {
                    return enumValue.Value;
                }

                onError(path, input, input is string missing
                    ? $"Value \"{missing}\" does not exist in \"{enumType.Name}\" enum."
                    : $"Enum \"{enumType.Name}\" cannot represent non-string value: {Describe(input)}.");
                return null;
            case ScalarGraphType scalar:
                try
                {
                    return scalar.Implementation.ParseValue(input);
                }
                catch (ScalarCoercionException e)
                {
                    onError(path, input, e.Message);
                    return null;
                }

            default:
                onError(path, input, $"Expected type \"{type}\".");
                return null;
        }
    }

    private static Dictionary<string, object?>? CoerceObject(object input, InputObjectGraphType type, List<object> path, Action<IReadOnlyList<object>, object?, string> onError)
    {
        if (input is not IReadOnlyDictionary<string, object?> fields)
        {
            onError(path, input, $"Expected type \"{type.Name}\" to be an object.");
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.FieldList)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefault)
                {
                    result[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    onError(path, input, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                }

                continue;
            }

            path.Add(field.Name);
            result[field.Name] = CoerceValue(fieldValue, field.Type, path, onError);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var key in fields.Keys)
        {
            if (!type.Fields.ContainsKey(key))
            {
                onError(path, input, $"Field \"{key}\" is not defined by type \"{type.Name}\".");
            }
        }

        if (type.IsOneOf)
        {
            if (fields.Count != 1)
            {
                onError(path, input, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }
            else if (fields.Values.First() is null)
            {
                onError(path, input, $"Field \"{fields.Keys.First()}\" must be non-null.");
            }
        }

        return result;
    }

    /// <summary>A value as graphql-js's inspect() shows it in messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => Printer.PrintString(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> obj => "{ " + string.Join(", ", obj.Select(kv => $"{kv.Key}: {Describe(kv.Value)}")) + " }",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Describe)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
