using CommerceGateway.Adapters;
using CommerceGateway.Adapters.Spendgo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the Spendgo loyalty adapter.</summary>
public static class SpendgoAdapterBuilderExtensions
{
    /// <summary>The adapter kind channels name in <c>Channels:{name}:Adapter</c>.</summary>
    public const string Kind = "spendgo";

    /// <summary>
    /// Registers the <c>spendgo</c> loyalty adapter kind: member balance, rewards by store and the
    /// order lifecycle (checkout, placed, billed, completed, voided, refunded) over Spendgo's OAuth2
    /// partner API. A channel of this kind needs the three credentials Spendgo issues per account and
    /// environment: <c>Credentials:ClientId</c>, <c>Credentials:ClientSecret</c> (the shared client
    /// secret) and <c>Credentials:AccountId</c>. Its <c>BaseUrl</c> is the web service root (the
    /// adapter adds <c>oauth2/v1/token</c> and <c>loyalty/accounts/...</c>). Amounts are in the
    /// order's currency; rewards' minimum subtotals are read in the channel's <c>Currency</c>
    /// (default USD) unless the backend names one. Commerce channels reach it through their
    /// <c>Loyalty</c> setting. Safe to call twice.
    /// </summary>
    public static ICommerceAdapterBuilder AddSpendgoAdapter(this ICommerceAdapterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddLoyaltyAdapter<SpendgoLoyaltyBackend>(Kind, options =>
        {
            options.DefaultCapabilities = ChannelCapabilities.Loyalty;
            options.RequiredCredentials.Add(SpendgoLoyaltyBackend.ClientIdCredential);
            options.RequiredCredentials.Add(SpendgoLoyaltyBackend.ClientSecretCredential);
            options.RequiredCredentials.Add(SpendgoLoyaltyBackend.AccountIdCredential);
        });
    }
}
