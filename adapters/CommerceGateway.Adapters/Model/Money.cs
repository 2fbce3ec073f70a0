using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceGateway.Adapters;

/// <summary>
/// An exact amount of one currency. Amounts are <see cref="decimal"/>, never binary floating
/// point, and arithmetic refuses to mix currencies.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(decimal Amount, CurrencyCode Currency)
{
    private const NumberStyles AmountStyles =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    /// <summary>An amount in the currency with the given ISO 4217 code.</summary>
    /// <exception cref="FormatException">The currency code is unknown.</exception>
    public static Money Of(decimal amount, string currency) => new(amount, CurrencyCode.Parse(currency));

    /// <summary>
    /// Parses an amount written as a plain number ("200", "200.0", "-3.5", "2E2") exactly.
    /// Thousands separators, currency symbols, whitespace, NaN and infinities are refused.
    /// </summary>
    /// <exception cref="FormatException">The text is not a plain decimal number.</exception>
    public static Money Parse(string amount, CurrencyCode currency) =>
        TryParseAmount(amount, out var value)
            ? new Money(value, currency)
            : throw new FormatException($"'{amount}' is not a decimal amount.");

    /// <summary>Parses an amount as <see cref="Parse(string, CurrencyCode)"/> does; false when it is not one.</summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        amount = 0m;
        if (string.IsNullOrEmpty(text) || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        return decimal.TryParse(text, AmountStyles, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>
    /// Reads an amount from a JSON number or a JSON string holding a number, exactly (JSON numbers
    /// are read from their text, not through <see cref="double"/>).
    /// </summary>
    /// <exception cref="FormatException">The element is neither.</exception>
    public static Money FromJson(JsonElement amount, CurrencyCode currency)
    {
        switch (amount.ValueKind)
        {
            case JsonValueKind.Number when amount.TryGetDecimal(out var number):
                return new Money(number, currency);
            case JsonValueKind.String:
                return Parse(amount.GetString()!, currency);
            default:
                throw new FormatException($"Expected a decimal number or numeric string, found {amount.ValueKind}.");
        }
    }

    /// <summary>An amount given in the currency's minor units (cents for USD).</summary>
    public static Money FromMinorUnits(long minorUnits, CurrencyCode currency) =>
        new(minorUnits / Pow10(currency.MinorUnits), currency);

    /// <summary>The amount in minor units; the amount must already be rounded to them.</summary>
    /// <exception cref="InvalidOperationException">The amount has more decimals than the currency.</exception>
    public long ToMinorUnits()
    {
        var scaled = Amount * Pow10(Currency.MinorUnits);
        return scaled == decimal.Truncate(scaled)
            ? (long)scaled
            : throw new InvalidOperationException($"{this} has more decimals than {Currency.Code} allows.");
    }

    /// <summary>
    /// Rounds to the currency's minor units. Commercial rounding (half away from zero) by default,
    /// which is what receipts and most payment providers use.
    /// </summary>
    public Money Round(MidpointRounding mode = MidpointRounding.AwayFromZero) =>
        this with { Amount = Math.Round(Amount, Currency.MinorUnits, mode) };

    /// <summary>True when the amount has no more decimals than the currency uses.</summary>
    public bool IsRounded => Math.Round(Amount, Currency.MinorUnits) == Amount;

    /// <summary>The amount as invariant text with the currency's number of decimals, e.g. "53.50".</summary>
    public string FormatAmount() =>
        Round().Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Sum of two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    /// <summary>Difference of two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    /// <summary>The amount times a quantity.</summary>
    public static Money operator *(Money money, int quantity) => money with { Amount = money.Amount * quantity };

    /// <summary>The negated amount.</summary>
    public static Money operator -(Money money) => money with { Amount = -money.Amount };

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <(Money left, Money right) => Compare(left, right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >(Money left, Money right) => Compare(left, right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <=(Money left, Money right) => Compare(left, right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >=(Money left, Money right) => Compare(left, right) >= 0;

    /// <summary>Named alternative to <c>+</c>.</summary>
    public Money Add(Money other) => this + other;

    /// <summary>Named alternative to <c>-</c>.</summary>
    public Money Subtract(Money other) => this - other;

    /// <summary>Named alternative to <c>*</c>.</summary>
    public Money Multiply(int quantity) => this * quantity;

    /// <summary>Named alternative to unary <c>-</c>.</summary>
    public Money Negate() => -this;

    /// <summary>The amount and code, e.g. "53.50 USD" (invariant culture).</summary>
    public override string ToString() => $"{Amount.ToString(CultureInfo.InvariantCulture)} {Currency.Code}";

    private static int Compare(Money left, Money right)
    {
        SameCurrency(left, right);
        return left.Amount.CompareTo(right.Amount);
    }

    private static CurrencyCode SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new InvalidOperationException($"Cannot combine {left.Currency} and {right.Currency} amounts.");

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
