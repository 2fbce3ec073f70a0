using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>Loyalty retry settings that would never retry, or retry past the order's life, are refused at start.</summary>
public sealed class CheckoutOptionsTests
{
    [Theory]
    [InlineData("LoyaltyRetryInterval", "00:00:00", "Checkout:LoyaltyRetryInterval must be positive.")]
    [InlineData("LoyaltyRetryBackoff", "00:00:00", "Checkout:LoyaltyRetryBackoff must be positive.")]
    [InlineData("LoyaltyRetryMaxBackoff", "00:00:10", "Checkout:LoyaltyRetryMaxBackoff must be at least Checkout:LoyaltyRetryBackoff.")]
    [InlineData("LoyaltyRetryGiveUpAfter", "31.00:00:00", "Checkout:LoyaltyRetryGiveUpAfter must be positive and at most Checkout:OrderLifetime.")]
    [InlineData("LoyaltyRetryReadTimeout", "-00:00:01", "Checkout:LoyaltyRetryReadTimeout must be positive.")]
    public void LoyaltyRetrySetting_OutOfRange_IsRefusedWithItsName(string setting, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new($"Checkout:{setting}", value)]).Build();
        using var services = new ServiceCollection().AddCheckout(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CheckoutOptions>>().Value);

        Assert.Contains(message, failure.Failures);
    }

    [Fact]
    public void LoyaltyRetryDefaults_AreValid()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddCheckout(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<CheckoutOptions>>().Value;

        Assert.Equal(TimeSpan.FromDays(3), options.LoyaltyRetryGiveUpAfter);
    }
}
