using System.Text.Json;

namespace CommerceGateway.Adapters.Tests.Model;

public sealed class MoneyTests
{
    private static readonly CurrencyCode Usd = CurrencyCode.Usd;

    [Theory]
    [InlineData("200", "200")]
    [InlineData("200.0", "200.0")]
    [InlineData("53.5", "53.5")]
    [InlineData("-3.25", "-3.25")]
    [InlineData("2E2", "200")]
    [InlineData("0.30000000000000004", "0.30000000000000004")]
    public void Parse_PlainNumber_IsExact(string text, string expected)
    {
        var money = Money.Parse(text, Usd);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("1,000.00")]
    [InlineData("$5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("12abc")]
    public void Parse_NotAPlainNumber_IsRefused(string text) =>
        Assert.Throws<FormatException>(() => Money.Parse(text, Usd));

    [Theory]
    [InlineData("{\"a\":200}", "200")]
    [InlineData("{\"a\":200.0}", "200.0")]
    [InlineData("{\"a\":\"164.00\"}", "164.00")]
    [InlineData("{\"a\":0.1}", "0.1")]
    public void FromJson_NumberOrNumericString_IsExact(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        var money = Money.FromJson(document.RootElement.GetProperty("a"), Usd);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(expected, money.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromJson_Boolean_IsRefused()
    {
        using var document = JsonDocument.Parse("{\"a\":true}");

        Assert.Throws<FormatException>(() => Money.FromJson(document.RootElement.GetProperty("a"), Usd));
    }

    [Theory]
    [InlineData("USD", "2.345", "2.35")]
    [InlineData("USD", "-2.345", "-2.35")]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("KWD", "1.23456", "1.235")]
    [InlineData("CLF", "1.234567", "1.2346")]
    public void Round_ByCurrency_UsesItsMinorUnitsAndRoundsHalfAwayFromZero(string currency, string amount, string expected)
    {
        var money = Money.Parse(amount, CurrencyCode.Parse(currency));

        Assert.Equal(expected, money.Round().Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FormatAmount_Usd_ShowsTwoDecimals() =>
        Assert.Equal("53.50", Money.Of(53.5m, "USD").FormatAmount());

    [Fact]
    public void Arithmetic_SameCurrency_IsExact()
    {
        var total = Money.Of(0.1m, "USD") + Money.Of(0.2m, "USD");

        Assert.Equal(0.3m, total.Amount);
        Assert.Equal(Money.Of(150m, "EUR"), Money.Of(50m, "EUR") * 3);
        Assert.Equal(Money.Of(164m, "USD"), Money.Of(200m, "USD") - Money.Of(36m, "USD"));
    }

    [Fact]
    public void Arithmetic_MixedCurrencies_IsRefused()
    {
        var usd = Money.Of(1m, "USD");
        var eur = Money.Of(1m, "EUR");

        Assert.Throws<InvalidOperationException>(() => usd + eur);
        Assert.Throws<InvalidOperationException>(() => usd < eur);
        Assert.Throws<InvalidOperationException>(() => usd >= eur);
    }

    [Fact]
    public void MinorUnits_RoundTrip_KeepsTheAmount()
    {
        var price = Money.FromMinorUnits(5350, Usd);

        Assert.Equal(53.50m, price.Amount);
        Assert.Equal(5350, price.ToMinorUnits());
        Assert.Equal(1235, Money.FromMinorUnits(1235, CurrencyCode.Parse("JPY")).ToMinorUnits());
    }

    [Fact]
    public void ToMinorUnits_MoreDecimalsThanTheCurrency_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => Money.Of(1.005m, "USD").ToMinorUnits());

    [Fact]
    public void Json_RoundTrip_KeepsAmountAsStringAndCurrency()
    {
        var json = JsonSerializer.Serialize(Money.Of(53.50m, "USD"));
        var back = JsonSerializer.Deserialize<Money>(json);

        Assert.Equal("{\"amount\":\"53.50\",\"currency\":\"USD\"}", json);
        Assert.Equal(Money.Of(53.50m, "USD"), back);
    }

    [Theory]
    [InlineData("{\"amount\":\"1\",\"currency\":\"XXX1\"}")]
    [InlineData("{\"amount\":\"1\",\"currency\":\"ABC\"}")]
    [InlineData("{\"amount\":\"one\",\"currency\":\"USD\"}")]
    [InlineData("{\"amount\":\"1\"}")]
    public void Json_InvalidMoney_IsRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json));
}
