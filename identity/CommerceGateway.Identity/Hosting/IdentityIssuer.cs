using Microsoft.Extensions.Options;

namespace CommerceGateway.Identity.Hosting;

/// <summary>
/// The issuer of this process's tokens: <c>Identity:Issuer</c> when set, else (Development only, the
/// options validator refuses it elsewhere) the address the server listens on, read at first use.
/// </summary>
internal sealed class IdentityIssuer
{
    private readonly ServerListenAddress _listenAddress;
    private string? _issuer;

    public IdentityIssuer(IOptions<IdentityOptions> options, ServerListenAddress listenAddress)
    {
        _listenAddress = listenAddress;
        var configured = options.Value.Issuer;
        _issuer = string.IsNullOrWhiteSpace(configured) ? null : configured;
    }

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_issuer is { } issuer)
        {
            return issuer;
        }

        var address = await _listenAddress.GetAsync(cancellationToken).ConfigureAwait(false);
        // No trailing '/': "http://127.0.0.1:5700", as an issuer is usually written.
        return _issuer = address.GetLeftPart(UriPartial.Authority);
    }
}
