using CommerceGateway.Identity.Clients;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Validation;

/// <summary>Checks <see cref="IdentityOptions"/> at start-up; every message names the configuration key to fix.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    private const string S = IdentityOptions.SectionName;
    private readonly bool _development;

    public IdentityOptionsValidator(IHostEnvironment? environment = null) => _development = environment?.IsDevelopment() == true;

    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        ValidateIssuer(options, _development, failures);
        ValidateTokens(options, failures);
        ValidateKeys(options, failures);
        ValidateRateLimiting(options, failures);
        foreach (var (clientId, client) in options.Clients)
        {
            ValidateClient(clientId, client, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateIssuer(IdentityOptions options, bool development, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            // Development falls back to the address the server listens on (ServerListenAddress).
            if (!development)
            {
                failures.Add($"{S}:Issuer is required outside Development: set it to the absolute URL clients use to reach this service (it becomes the tokens' 'iss').");
            }
        }
        else if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer)
            || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(issuer.Query) || !string.IsNullOrEmpty(issuer.Fragment))
        {
            failures.Add($"{S}:Issuer must be an absolute http or https URL without query or fragment, but is '{options.Issuer}'.");
        }
    }

    private static void ValidateTokens(IdentityOptions options, List<string> failures)
    {
        if (!IsLifetime(options.Tokens.AccessTokenLifetime))
        {
            failures.Add($"{S}:Tokens:AccessTokenLifetime must be between 00:01:00 and 1.00:00:00, but is {options.Tokens.AccessTokenLifetime}.");
        }
    }

    private static void ValidateKeys(IdentityOptions options, List<string> failures)
    {
        var keys = options.Keys;
        if (keys.Algorithm is not ("ES256" or "RS256"))
        {
            failures.Add($"{S}:Keys:Algorithm must be ES256 or RS256, but is '{keys.Algorithm}'.");
        }

        if (keys.RotationInterval < TimeSpan.FromHours(1))
        {
            failures.Add($"{S}:Keys:RotationInterval must be at least 01:00:00, but is {keys.RotationInterval}.");
        }

        if (keys.PublishAhead < TimeSpan.Zero || keys.PublishAhead >= keys.RotationInterval)
        {
            failures.Add($"{S}:Keys:PublishAhead must be at least 00:00:00 and shorter than {S}:Keys:RotationInterval, but is {keys.PublishAhead}.");
        }

        if (keys.RefreshInterval <= TimeSpan.Zero)
        {
            failures.Add($"{S}:Keys:RefreshInterval must be positive, but is {keys.RefreshInterval}.");
        }
    }

    private static void ValidateRateLimiting(IdentityOptions options, List<string> failures)
    {
        var limits = options.RateLimiting;
        if (limits.FailuresPerClient < 1)
        {
            failures.Add($"{S}:RateLimiting:FailuresPerClient must be at least 1, but is {limits.FailuresPerClient}.");
        }

        if (limits.FailuresPerAddress < 1)
        {
            failures.Add($"{S}:RateLimiting:FailuresPerAddress must be at least 1, but is {limits.FailuresPerAddress}.");
        }

        if (limits.Window < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{S}:RateLimiting:Window must be at least 00:00:01, but is {limits.Window}.");
        }
    }

    private static void ValidateClient(string clientId, IdentityClientOptions client, List<string> failures)
    {
        var key = $"{S}:Clients:{clientId}";
        if (clientId.Length == 0 || clientId.Any(c => char.IsControl(c) || c == ':'))
        {
            failures.Add($"{key} has an invalid client id: it must be non-empty, without ':' or control characters.");
        }

        ValidateCredentials(key, client, failures);

        if (client.Audiences.Count == 0 || client.Audiences.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{key}:Audiences must list at least one non-empty audience.");
        }
        else if (client.DefaultAudience is { } audience && !client.Audiences.Contains(audience, StringComparer.Ordinal))
        {
            failures.Add($"{key}:DefaultAudience '{audience}' is not one of {key}:Audiences.");
        }

        if (client.AllowedScopes.Any(s => string.IsNullOrWhiteSpace(s) || s.Any(c => c <= ' ' || c == '"' || c == '\\')))
        {
            failures.Add($"{key}:AllowedScopes has an invalid scope: scopes are non-empty and hold no spaces, quotes or backslashes.");
        }

        foreach (var scope in client.DefaultScopes.Where(s => !client.AllowedScopes.Contains(s, StringComparer.Ordinal)))
        {
            failures.Add($"{key}:DefaultScopes has '{scope}', which is not in {key}:AllowedScopes.");
        }

        if (client.AccessTokenLifetime is { } lifetime && !IsLifetime(lifetime))
        {
            failures.Add($"{key}:AccessTokenLifetime must be between 00:01:00 and 1.00:00:00, but is {lifetime}.");
        }
    }

    /// <summary>A client authenticates with a secret or with keys (private_key_jwt), never both: a leaked secret must not bypass the keys.</summary>
    private static void ValidateCredentials(string key, IdentityClientOptions client, List<string> failures)
    {
        var hasKeys = ClientPublicKeys.IsConfigured(client);
        if (hasKeys && !string.IsNullOrEmpty(client.SecretHash))
        {
            failures.Add($"{key} has both SecretHash and public keys (Jwks/PublicKeyPem): configure one client authentication method, a secret or private_key_jwt keys.");
        }
        else if (hasKeys)
        {
            ClientPublicKeys.Read(key, client, failures);
        }
        else if (!ClientSecretHasher.IsWellFormed(client.SecretHash))
        {
            failures.Add($"{key}:SecretHash is missing or malformed: set it to the output of 'hash-secret' (pbkdf2-sha256$iterations$salt$hash), or configure {key}:Jwks or {key}:PublicKeyPem for private_key_jwt; plain secrets are not accepted.");
        }
    }

    private static bool IsLifetime(TimeSpan value) => value >= TimeSpan.FromMinutes(1) && value <= TimeSpan.FromDays(1);
}
