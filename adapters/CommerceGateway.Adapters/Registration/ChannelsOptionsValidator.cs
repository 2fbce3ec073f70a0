using Microsoft.Extensions.Options;

namespace CommerceGateway.Adapters;

/// <summary>Checks every channel at start-up; each message names the configuration key at fault.</summary>
internal sealed class ChannelsOptionsValidator(IEnumerable<AdapterRegistration> registrations) : IValidateOptions<ChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        var kinds = registrations.ToDictionary(r => r.Kind, StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"Channels:{channel}";
            if (string.IsNullOrWhiteSpace(settings.Adapter))
            {
                errors.Add($"{key}:Adapter is required. Registered adapters: {Known(kinds.Keys)}.");
            }
            else if (!kinds.TryGetValue(settings.Adapter, out var registration))
            {
                errors.Add($"{key}:Adapter '{settings.Adapter}' is not a registered adapter. Registered adapters: {Known(kinds.Keys)}.");
            }
            else
            {
                errors.AddRange(registration.Options.RequiredCredentials
                    .Where(c => string.IsNullOrEmpty(settings.Credentials.TryGetValue(c, out var v) ? v : null))
                    .Select(c => $"{key}:Credentials:{c} is required by the {registration.Kind} adapter."));
                errors.AddRange(registration.Options.RequiredSettings
                    .Where(s => string.IsNullOrEmpty(settings.Settings.TryGetValue(s, out var v) ? v : null))
                    .Select(s => $"{key}:Settings:{s} is required by the {registration.Kind} adapter."));
                ValidateLoyalty(key, settings, options, kinds, errors);
            }

            if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{key}:BaseUrl must be an absolute http or https URL (was '{settings.BaseUrl}').");
            }

            if (settings.Currency is not null && !CurrencyCode.TryParse(settings.Currency, out _))
            {
                errors.Add($"{key}:Currency '{settings.Currency}' is not an active ISO 4217 currency code.");
            }

            var capabilities = settings.Capabilities ?? [];
            for (var i = 0; i < capabilities.Count; i++)
            {
                if (!Enum.TryParse<ChannelCapabilities>(capabilities[i], ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || parsed == ChannelCapabilities.None)
                {
                    errors.Add($"{key}:Capabilities:{i} '{capabilities[i]}' is not a capability. Valid: {Known(Enum.GetNames<ChannelCapabilities>().Skip(1))}.");
                }
            }

            ValidateResilience($"{key}:Resilience", settings.Resilience.Apply(new ChannelResilienceOptions()), errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateLoyalty(string key, ChannelOptions settings, ChannelsOptions all, Dictionary<string, AdapterRegistration> kinds, List<string> errors)
    {
        if (settings.Loyalty is null)
        {
            return;
        }

        if (!all.Channels.TryGetValue(settings.Loyalty, out var loyalty)
            || loyalty.Adapter is null
            || !kinds.TryGetValue(loyalty.Adapter, out var registration)
            || !registration.IsLoyalty)
        {
            errors.Add($"{key}:Loyalty '{settings.Loyalty}' must name a configured channel with a loyalty adapter.");
        }
    }

    private static void ValidateResilience(string key, ChannelResilienceOptions r, List<string> errors)
    {
        if (r.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{key}:AttemptTimeout must be positive.");
        }

        if (r.TotalTimeout < r.AttemptTimeout)
        {
            errors.Add($"{key}:TotalTimeout must be at least AttemptTimeout ({r.AttemptTimeout}).");
        }

        if (r.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"{key}:MaxRetryAttempts must be between 0 and 10.");
        }

        if (r.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            errors.Add($"{key}:CircuitBreakerFailureRatio must be greater than 0 and at most 1.");
        }

        if (r.CircuitBreakerMinimumThroughput < 2)
        {
            errors.Add($"{key}:CircuitBreakerMinimumThroughput must be at least 2.");
        }

        if (r.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{key}:CircuitBreakerBreakDuration must be at least 500 ms.");
        }
    }

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
