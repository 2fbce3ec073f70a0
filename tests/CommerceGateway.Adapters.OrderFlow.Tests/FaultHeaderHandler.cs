namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>
/// Adds the sandbox's <c>X-Sandbox-Fault</c> header to the requests whose path ends with one
/// pipeline call, so a test can fail exactly one step (e.g. shipping) of the adapter's pipeline.
/// </summary>
internal sealed class FaultHeaderHandler(string pathSuffix, string fault) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal) == true)
        {
            request.Headers.TryAddWithoutValidation("X-Sandbox-Fault", fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
