using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommerceGateway.Adapters;

/// <summary>
/// An active ISO 4217 currency code with its number of minor units (2 for USD, 0 for JPY,
/// 3 for KWD). Unknown codes are refused, so a typo never becomes a currency.
/// </summary>
[JsonConverter(typeof(CurrencyCodeJsonConverter))]
public readonly record struct CurrencyCode
{
    private CurrencyCode(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The three-letter upper-case code, e.g. "EUR".</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point that the currency uses (its ISO 4217 exponent).</summary>
    public int MinorUnits { get; }

    /// <summary>US dollar.</summary>
    public static CurrencyCode Usd => Parse("USD");

    /// <summary>Euro.</summary>
    public static CurrencyCode Eur => Parse("EUR");

    /// <summary>Parses a code case-insensitively.</summary>
    /// <exception cref="FormatException">The code is not an active ISO 4217 currency.</exception>
    public static CurrencyCode Parse(string code) =>
        TryParse(code, out var currency)
            ? currency
            : throw new FormatException($"'{code}' is not an active ISO 4217 currency code.");

    /// <summary>Parses a code case-insensitively; false when it is not an active ISO 4217 currency.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out CurrencyCode currency)
    {
        if (code is { Length: 3 } && CurrencyTable.TryGetMinorUnits(code.ToUpperInvariant(), out var minorUnits))
        {
            currency = new CurrencyCode(code.ToUpperInvariant(), minorUnits);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>The code, e.g. "EUR".</summary>
    public override string ToString() => Code ?? string.Empty;
}
