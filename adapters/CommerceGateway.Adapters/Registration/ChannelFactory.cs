using System.Collections.Immutable;

namespace CommerceGateway.Adapters;

/// <summary>Turns validated configuration into <see cref="Channel"/> records.</summary>
internal static class ChannelFactory
{
    public static Channel Create(string name, ChannelOptions options, AdapterRegistration registration)
    {
        var baseUrl = options.BaseUrl!.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        return new Channel
        {
            Name = name,
            AdapterKind = registration.Kind,
            BaseUrl = new Uri(baseUrl, UriKind.Absolute),
            Capabilities = options.Capabilities is { Count: > 0 } names
                ? names.Aggregate(ChannelCapabilities.None, (all, n) => all | Enum.Parse<ChannelCapabilities>(n, ignoreCase: true))
                : registration.Options.DefaultCapabilities,
            DefaultCurrency = options.Currency is null ? null : CurrencyCode.Parse(options.Currency),
            Settings = options.Settings.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            Credentials = new ChannelCredentials(options.Credentials),
            Resilience = options.Resilience.Apply(new ChannelResilienceOptions()),
            LoyaltyChannel = options.Loyalty,
        };
    }
}
