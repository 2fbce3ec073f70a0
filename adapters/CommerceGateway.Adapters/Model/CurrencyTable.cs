using System.Collections.Frozen;

namespace CommerceGateway.Adapters;

/// <summary>Active ISO 4217 codes and their exponents (list current as of 2025).</summary>
internal static class CurrencyTable
{
    private const string TwoDigitCodes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS " +
        "GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL " +
        "MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK " +
        "PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS " +
        "TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

    private const string ZeroDigitCodes = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDigitCodes = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDigitCodes = "CLF UYW";

    private static readonly FrozenDictionary<string, int> MinorUnits = Build();

    public static bool TryGetMinorUnits(string code, out int minorUnits) => MinorUnits.TryGetValue(code, out minorUnits);

    private static FrozenDictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string codes, int digits)
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                table.Add(code, digits);
            }
        }

        Add(TwoDigitCodes, 2);
        Add(ZeroDigitCodes, 0);
        Add(ThreeDigitCodes, 3);
        Add(FourDigitCodes, 4);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
