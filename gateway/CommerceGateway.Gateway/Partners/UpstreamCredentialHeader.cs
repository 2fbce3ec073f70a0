using Microsoft.Extensions.Primitives;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// The Authorization value a route sends upstream (<c>{scheme} {credential}</c>), built once and
/// built again only after configuration reloads, so a rotated credential still applies without a
/// restart but a request does not walk every configuration provider and build the string again.
/// </summary>
internal sealed class UpstreamCredentialHeader(IConfiguration configuration, string key, string scheme)
{
    private Snapshot? _current;

    /// <summary>The header value, or null while the credential is not set.</summary>
    public string? Value
    {
        get
        {
            var current = Volatile.Read(ref _current);
            if (current is null || current.Reload.HasChanged)
            {
                // The token is taken before the read, so a reload during the read is seen next time.
                var reload = configuration.GetReloadToken();
                var credential = configuration[key];
                current = new Snapshot(reload, string.IsNullOrEmpty(credential) ? null : $"{scheme} {credential}");
                Volatile.Write(ref _current, current);
            }

            return current.Header;
        }
    }

    private sealed record Snapshot(IChangeToken Reload, string? Header);
}
