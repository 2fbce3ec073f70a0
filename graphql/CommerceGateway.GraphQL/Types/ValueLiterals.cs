using System.Globalization;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Types;

/// <summary>
/// Internal values back to literals (graphql-js astFromValue), so default values print the way the
/// reference prints them in SDL and in <c>__InputValue.defaultValue</c>.
/// </summary>
internal static class ValueLiterals
{
    public static string Print(object? value, GraphType type) => Printer.Print(ToLiteral(value, type));

    public static ValueNode ToLiteral(object? value, GraphType type)
    {
        if (type is NonNullType nonNull)
        {
            return ToLiteral(value, nonNull.OfType);
        }

        if (value is null)
        {
            return new NullValueNode(Location.None);
        }

        switch (type)
        {
            case ListType list:
                return value is not string && value is IEnumerable<object?> items
                    ? new ListValueNode(items.Select(i => ToLiteral(i, list.OfType)).ToList(), Location.None)
                    : ToLiteral(value, list.OfType);
            case InputObjectGraphType input:
                var fields = (IReadOnlyDictionary<string, object?>)value;
                return new ObjectValueNode(
                    input.FieldList.Where(f => fields.ContainsKey(f.Name))
                        .Select(f => new ObjectFieldNode(f.Name, ToLiteral(fields[f.Name], f.Type), Location.None)).ToList(),
                    Location.None);
            case EnumGraphType enumType:
                return new EnumValueNode(enumType.ByValue.TryGetValue(value, out var enumValue) ? enumValue.Name : value.ToString()!, Location.None);
            case ScalarGraphType scalar:
                var serialized = scalar.Implementation.Serialize(value);
                switch (serialized)
                {
                    case bool b:
                        return new BooleanValueNode(b, Location.None);
                    case int or long or double or float or decimal:
                        var text = serialized is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(serialized, CultureInfo.InvariantCulture)!;
                        return IsInteger(text) ? new IntValueNode(text, Location.None) : new FloatValueNode(text, Location.None);
                    case string s when scalar.Name == "ID" && IsInteger(s):
                        return new IntValueNode(s, Location.None);
                    case string s:
                        return new StringValueNode(s, false, Location.None);
                    default:
                        return new StringValueNode(serialized.ToString() ?? string.Empty, false, Location.None);
                }

            default:
                return new NullValueNode(Location.None);
        }
    }

    private static bool IsInteger(string text) =>
        text.Length > 0 && (text[0] == '-' ? text.Length > 1 && text.Skip(1).All(char.IsAsciiDigit) : text.All(char.IsAsciiDigit));
}
