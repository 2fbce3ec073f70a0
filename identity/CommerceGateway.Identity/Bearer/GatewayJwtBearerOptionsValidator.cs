using CommerceGateway.Identity.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Bearer;

/// <summary>Checks <see cref="GatewayJwtBearerOptions"/> at start-up.</summary>
internal sealed class GatewayJwtBearerOptionsValidator(IServiceProviderIsService services) : IValidateOptions<GatewayJwtBearerOptions>
{
    private static readonly HashSet<string> Asymmetric = new(StringComparer.Ordinal) { "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512" };

    public ValidateOptionsResult Validate(string? name, GatewayJwtBearerOptions options)
    {
        var failures = new List<string>();
        if (options.Authority is null)
        {
            if (!services.IsService(typeof(SigningKeyManager)))
            {
                failures.Add("GatewayJwtBearer:Authority is required when this process hosts no identity service (AddGatewayIdentity): set it to the issuer whose tokens are accepted.");
            }
        }
        else if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"GatewayJwtBearer:Authority must be the identity service's absolute issuer URL, but is '{options.Authority}'.");
        }

        if (options.Audiences.Count == 0 || options.Audiences.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("GatewayJwtBearer:Audiences must list at least one audience.");
        }

        if (options.Algorithms.Count == 0 || options.Algorithms.Any(a => !Asymmetric.Contains(a)))
        {
            failures.Add($"GatewayJwtBearer:Algorithms must list asymmetric JWS algorithms only (such as ES256, RS256), but is '{string.Join(',', options.Algorithms)}'.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"GatewayJwtBearer:ClockSkew must be between 00:00:00 and 00:05:00, but is {options.ClockSkew}.");
        }

        if (options.RefreshInterval < TimeSpan.FromSeconds(1) || options.AutomaticRefreshInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("GatewayJwtBearer:RefreshInterval and GatewayJwtBearer:AutomaticRefreshInterval must be at least 00:00:01.");
        }

        if (options.ValidatedTokenCacheSize < 0)
        {
            failures.Add($"GatewayJwtBearer:ValidatedTokenCacheSize must be 0 (off) or more, but is {options.ValidatedTokenCacheSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
