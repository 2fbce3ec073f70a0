namespace CommerceGateway.Adapters.Tests.Model;

public sealed class CurrencyCodeTests
{
    [Theory]
    [InlineData("usd", "USD", 2)]
    [InlineData("JPY", "JPY", 0)]
    [InlineData("KWD", "KWD", 3)]
    [InlineData("EUR", "EUR", 2)]
    public void Parse_ActiveCode_KnowsItsMinorUnits(string code, string expected, int minorUnits)
    {
        var currency = CurrencyCode.Parse(code);

        Assert.Equal(expected, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("ABC")]
    [InlineData("")]
    public void Parse_UnknownCode_IsRefusedWithTheCodeInTheMessage(string code)
    {
        var error = Assert.Throws<FormatException>(() => CurrencyCode.Parse(code));

        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
    }
}
