using System.Globalization;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Types;

/// <summary>
/// The spec's built-in scalars. Literal parsing is stricter than <see cref="ScalarType.ParseValue"/>
/// (an Int literal must be an IntValue), so they override <see cref="ParseLiteral"/>.
/// </summary>
internal abstract class BuiltInScalar(string name, string description) : ScalarType(name, description)
{
    public abstract object ParseLiteral(ValueNode node);

    protected static string Show(object value) => value switch
    {
        string s => Printer.PrintString(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    protected static string Show(ValueNode node) => Printer.Print(node);
}

/// <summary>Int: a signed 32-bit integer.</summary>
internal sealed class IntScalar() : BuiltInScalar("Int", "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
{
    public static readonly IntScalar Instance = new();

    public override object Serialize(object value)
    {
        // Already an Int: the value itself, without a round trip through double and a second box.
        if (value is int)
        {
            return value;
        }

        double number = value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            double d => d,
            float f => f,
            decimal m => (double)m,
            bool b => b ? 1 : 0,
            string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new ScalarCoercionException($"Int cannot represent non-integer value: {Show(value)}"),
        };
        if (number != Math.Floor(number) || double.IsInfinity(number))
        {
            throw new ScalarCoercionException($"Int cannot represent non-integer value: {Show(value)}");
        }

        return number is > int.MaxValue or < int.MinValue
            ? throw new ScalarCoercionException($"Int cannot represent non 32-bit signed integer value: {Show(value)}")
            : (int)number;
    }

    public override object ParseValue(object value)
    {
        if (value is not (long or int or double))
        {
            throw new ScalarCoercionException($"Int cannot represent non-integer value: {Show(value)}");
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (number != Math.Floor(number) || double.IsInfinity(number))
        {
            throw new ScalarCoercionException($"Int cannot represent non-integer value: {Show(value)}");
        }

        return number is > int.MaxValue or < int.MinValue
            ? throw new ScalarCoercionException($"Int cannot represent non 32-bit signed integer value: {Show(value)}")
            : (int)number;
    }

    public override object ParseLiteral(ValueNode node)
    {
        if (node is not IntValueNode literal)
        {
            throw new ScalarCoercionException($"Int cannot represent non-integer value: {Show(node)}");
        }

        return int.TryParse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ScalarCoercionException($"Int cannot represent non 32-bit signed integer value: {literal.Value}");
    }
}

/// <summary>Float: a double-precision finite number.</summary>
internal sealed class FloatScalar() : BuiltInScalar("Float", "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
{
    public static readonly FloatScalar Instance = new();

    public override object Serialize(object value)
    {
        double number = value switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            short s => s,
            byte b => b,
            bool b => b ? 1 : 0,
            string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new ScalarCoercionException($"Float cannot represent non numeric value: {Show(value)}"),
        };
        return double.IsFinite(number) ? number : throw new ScalarCoercionException($"Float cannot represent non numeric value: {Show(value)}");
    }

    public override object ParseValue(object value) => value switch
    {
        long l => (double)l,
        int i => (double)i,
        double d when double.IsFinite(d) => d,
        _ => throw new ScalarCoercionException($"Float cannot represent non numeric value: {Show(value)}"),
    };

    public override object ParseLiteral(ValueNode node) => node switch
    {
        IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException($"Float cannot represent non numeric value: {Show(node)}"),
    };
}

/// <summary>String: UTF-8 text.</summary>
internal sealed class StringScalar() : BuiltInScalar("String", "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
{
    public static readonly StringScalar Instance = new();

    public override object Serialize(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int or long or short or byte or double or float or decimal => Show(value),
        Enum e => e.ToString(),
        _ => throw new ScalarCoercionException($"String cannot represent value: {Show(value)}"),
    };

    public override object ParseValue(object value) =>
        value as string ?? throw new ScalarCoercionException($"String cannot represent a non string value: {Show(value)}");

    public override object ParseLiteral(ValueNode node) =>
        node is StringValueNode s ? s.Value : throw new ScalarCoercionException($"String cannot represent a non string value: {Show(node)}");
}

/// <summary>Boolean.</summary>
internal sealed class BooleanScalar() : BuiltInScalar("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
{
    public static readonly BooleanScalar Instance = new();

    public override object Serialize(object value) => value switch
    {
        bool => value,
        int i => i != 0,
        long l => l != 0,
        double d when double.IsFinite(d) => d != 0,
        _ => throw new ScalarCoercionException($"Boolean cannot represent a non boolean value: {Show(value)}"),
    };

    public override object ParseValue(object value) =>
        value is bool b ? b : throw new ScalarCoercionException($"Boolean cannot represent a non boolean value: {Show(value)}");

    public override object ParseLiteral(ValueNode node) =>
        node is BooleanValueNode b ? b.Value : throw new ScalarCoercionException($"Boolean cannot represent a non boolean value: {Show(node)}");
}

/// <summary>ID: an opaque identifier, serialized as a string.</summary>
internal sealed class IdScalar() : BuiltInScalar("ID", "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
{
    public static readonly IdScalar Instance = new();

    public override object Serialize(object value) => value switch
    {
        string s => s,
        int or long or short or byte => Show(value),
        Guid g => g.ToString(),
        double d when d == Math.Floor(d) && double.IsFinite(d) => Show(value),
        _ => throw new ScalarCoercionException($"ID cannot represent value: {Show(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        string s => s,
        long or int => Show(value),
        double d when d == Math.Floor(d) && double.IsFinite(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException($"ID cannot represent value: {Show(value)}"),
    };

    public override object ParseLiteral(ValueNode node) => node switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw new ScalarCoercionException($"ID cannot represent a non-string and non-integer value: {Show(node)}"),
    };
}
