namespace CommerceGateway.Adapters.Tests.Model;

public sealed class SensitiveDataTests
{
    [Fact]
    public void PaymentInstruction_ToString_HidesThePspReference()
    {
        var payment = new PaymentInstruction(Money.Of(10m, "USD"), "tok_secret_123", null);

        Assert.DoesNotContain("tok_secret_123", payment.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok_secret_123", new { payment }.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("tok", "txn")]
    [InlineData("", null)]
    [InlineData(null, "   ")]
    public void PaymentInstruction_NotExactlyOneReference_IsRefused(string? token, string? transaction) =>
        Assert.Throws<ArgumentException>(() => new PaymentInstruction(Money.Of(1m, "USD"), token, transaction));

    [Fact]
    public void Buyer_ToString_HidesEmailAndNames()
    {
        var text = new Buyer("ada@example.test", "Ada", "Lovelace", "+1555").ToString();

        Assert.DoesNotContain("ada@example.test", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cart_ToString_DoesNotLeakTheBuyer()
    {
        var cart = new Cart
        {
            Id = "c1",
            Channel = "shop",
            Currency = CurrencyCode.Usd,
            Totals = CartTotals.Zero(CurrencyCode.Usd),
            Buyer = new Buyer("ada@example.test"),
            ShippingAddress = new Address("1 Secret Lane", "Springfield", "62701", "US"),
        };

        Assert.DoesNotContain("ada@example.test", cart.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Lane", cart.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelCredentials_ToString_ShowsNamesOnly()
    {
        var credentials = new ChannelCredentials([new("ClientSecret", "s3cr3t"), new("ClientId", "shop")]);

        Assert.Equal("[ClientId, ClientSecret: redacted]", credentials.ToString());
        Assert.Equal("s3cr3t", credentials.Require("clientsecret"));
    }
}
