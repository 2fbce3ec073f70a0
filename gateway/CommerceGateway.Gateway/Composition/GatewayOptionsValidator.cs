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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
