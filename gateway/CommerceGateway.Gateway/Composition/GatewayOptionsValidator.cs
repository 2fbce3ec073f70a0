using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Composition;

/// <summary>Refuses to start with host settings that cannot work; every message names the key at fault.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var path = options.Sandbox.Path;
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Length < 2 || path.EndsWith('/') || path.Contains('?', StringComparison.Ordinal))
        {
            failures.Add($"Gateway:Sandbox:Path must be a path such as \"/sandbox\" (starts with '/', no trailing '/'), but is \"{path}\".");
        }

        var authority = options.Authentication.Authority;
        if (authority is not null && (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Gateway:Authentication:Authority must be an absolute http or https URL, but is \"{authority}\".");
        }

        for (var i = 0; i < options.Authentication.Audiences.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Authentication.Audiences[i]))
            {
                failures.Add($"Gateway:Authentication:Audiences:{i} must not be empty.");
            }
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Gateway:ShutdownTimeout must be positive, but is {options.ShutdownTimeout}.");
        }

        ValidatePartners(options.Partners, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePartners(Partners.PartnerOptions partners, List<string> failures)
    {
        if (partners.PermitLimit < 1)
        {
            failures.Add($"Gateway:Partners:PermitLimit must be at least 1, but is {partners.PermitLimit}.");
        }

        if (partners.Window <= TimeSpan.Zero)
        {
            failures.Add($"Gateway:Partners:Window must be positive, but is {partners.Window}.");
        }

        if (partners.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Gateway:Partners:Timeout must be positive, but is {partners.Timeout}.");
        }

        if (partners.MaxRequestBodySize < 0)
        {
            failures.Add($"Gateway:Partners:MaxRequestBodySize must not be negative, but is {partners.MaxRequestBodySize}.");
        }
    }
}
