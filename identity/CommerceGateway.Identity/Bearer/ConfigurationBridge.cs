using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// Hands OpenIddict's validation the issuer and keys of an IdentityModel configuration manager: ours
/// for the identity service in this process (<see cref="LocalIssuerConfigurationManager"/>), or
/// IdentityModel's metadata reader for a remote authority. The same manager also sits in the token
/// validation parameters, so IdentityModel checks <c>iss</c> against it exactly and, for a <c>kid</c> it
/// does not know, refreshes and retries within the same request.
/// </summary>
/// <remarks>One OpenIddict configuration per source configuration: nothing is copied on a request that finds the keys unchanged.</remarks>
internal sealed class ConfigurationBridge(BaseConfigurationManager source) : IConfigurationManager<OpenIddictConfiguration>
{
    private volatile Snapshot? _snapshot;

    public BaseConfigurationManager Source => source;

    public async Task<OpenIddictConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var current = await source.GetBaseConfigurationAsync(cancel).ConfigureAwait(false);
        if (_snapshot is { } snapshot && ReferenceEquals(snapshot.Source, current))
        {
            return snapshot.Configuration;
        }

        var configuration = new OpenIddictConfiguration
        {
            Issuer = Uri.TryCreate(current.Issuer, UriKind.Absolute, out var issuer) ? issuer : null,
        };
        foreach (SecurityKey key in current.SigningKeys)
        {
            configuration.SigningKeys.Add(key);
        }

        _snapshot = new Snapshot(current, configuration);
        return configuration;
    }

    public void RequestRefresh() => source.RequestRefresh();

    private sealed record Snapshot(BaseConfiguration Source, OpenIddictConfiguration Configuration);
}
