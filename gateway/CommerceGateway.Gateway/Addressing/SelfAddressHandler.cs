using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Addressing;

/// <summary>
/// Sends a channel's requests for <see cref="SelfAddress.Placeholder"/> to the address the server
/// listens on; a request made before the server listens waits for it (or for its own cancellation).
/// </summary>
internal sealed class SelfAddressHandler(ServerListenAddress listenAddress) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && SelfAddress.IsPlaceholder(uri))
        {
            var address = await listenAddress.GetAsync(cancellationToken).ConfigureAwait(false);
            request.RequestUri = SelfAddress.Resolve(address, uri.PathAndQuery);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
