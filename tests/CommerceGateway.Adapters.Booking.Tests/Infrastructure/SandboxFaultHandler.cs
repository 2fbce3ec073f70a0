using System.Collections.Concurrent;

namespace CommerceGateway.Adapters.OneBox.Tests.Infrastructure;

/// <summary>
/// Sits under the adapter's pipeline and adds an <c>X-Sandbox-Fault</c> header to the next request
/// whose path ends with a given call, so one chosen backend call fails and the others do not.
/// </summary>
internal sealed class SandboxFaultHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<(string PathEnd, string Fault)> _pending = new();

    public SandboxFaultHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>The next request to a path ending with <paramref name="pathEnd"/> carries <paramref name="fault"/>.</summary>
    public void FailNext(string pathEnd, string fault) => _pending.Enqueue((pathEnd, fault));

    /// <summary>Paths of every request sent, in order.</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Sent.Enqueue(path);
        if (_pending.TryPeek(out var next) && path.EndsWith(next.PathEnd, StringComparison.Ordinal) && _pending.TryDequeue(out _))
        {
            request.Headers.Add("X-Sandbox-Fault", next.Fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
