using System.Globalization;

namespace CommerceGateway.GraphQL.Types;

/// <summary>
/// <c>Decimal</c>: an exact decimal number written as a string (<c>"200.00"</c>) so no client
/// rounds it through a binary float. Input also accepts JSON numbers written without loss.
/// </summary>
public sealed class DecimalScalar : ScalarType
{
    /// <summary>Creates the scalar with the name <c>Decimal</c>.</summary>
    public DecimalScalar()
        : base("Decimal", "An exact decimal number serialized as a string, e.g. `\"200.00\"`.")
    {
    }

    /// <inheritdoc />
    public override object Serialize(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        string s => ((decimal)ParseValue(s)).ToString(CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException("Decimal cannot represent a value that is not a decimal."),
    };

    /// <inheritdoc />
    public override object ParseValue(object value) => value switch
    {
        string s when decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        long l => (decimal)l,
        int i => (decimal)i,
        double d when double.IsFinite(d) => decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException("Decimal cannot represent this value; expected a decimal string such as \"200.00\"."),
    };
}
