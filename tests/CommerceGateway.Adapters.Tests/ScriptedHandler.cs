using System.Net;

namespace CommerceGateway.Adapters.Tests;

/// <summary>An innermost handler that answers from a script and counts calls, standing in for a backend.</summary>
internal sealed class ScriptedHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    public List<HttpRequestMessage> Requests { get; } = [];

    public static ScriptedHandler Always(HttpStatusCode status) => new((_, _, _) => Task.FromResult(new HttpResponseMessage(status)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (Requests)
        {
            Requests.Add(request);
        }

        return answer(request, call, cancellationToken);
    }
}
