using System.Net;
using System.Text;

namespace CommerceGateway.Adapters.Example.Tests;

/// <summary>Answers every request with one fixed JSON body, to feed the adapter shapes the sandbox never sends.</summary>
internal sealed class CannedResponseHandler(string json, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request });
}
