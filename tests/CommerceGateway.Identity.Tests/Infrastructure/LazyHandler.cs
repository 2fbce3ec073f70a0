namespace CommerceGateway.Identity.Tests.Infrastructure;

/// <summary>Sends through a handler made on first use: the test server exists only after the host is built.</summary>
internal sealed class LazyHandler(Func<HttpMessageHandler> create) : HttpMessageHandler
{
    private HttpMessageInvoker? _inner;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (_inner ??= new HttpMessageInvoker(create())).SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        _inner?.Dispose();
        base.Dispose(disposing);
    }
}
