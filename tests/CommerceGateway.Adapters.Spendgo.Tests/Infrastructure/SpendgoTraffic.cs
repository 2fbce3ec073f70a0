using System.Collections.Concurrent;

namespace CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;

/// <summary>
/// Sits under the adapter's pipeline: records every request that reaches the wire and can send
/// an <c>X-Sandbox-Fault</c> header, or a rewritten answer, for the next matching request.
/// </summary>
internal sealed class SpendgoTraffic
{
    private readonly ConcurrentQueue<(HttpMethod Method, string Path, int Status)> _exchanges = new();
    private readonly ConcurrentQueue<Arrangement> _arrangements = new();

    public IReadOnlyList<(HttpMethod Method, string Path, int Status)> Exchanges => [.. _exchanges];

    public HttpMessageHandler CreateHandler() => new Handler(this) { InnerHandler = new SocketsHttpHandler() };

    public int Count(string pathPart) => Exchanges.Count(e => e.Path.Contains(pathPart, StringComparison.Ordinal));

    public void InjectFault(string pathPart, string fault) => _arrangements.Enqueue(new Arrangement(pathPart, fault, null));

    public void RewriteAnswer(string pathPart, string body) => _arrangements.Enqueue(new Arrangement(pathPart, null, body));

    private sealed class Arrangement(string pathPart, string? fault, string? body)
    {
        public string PathPart { get; } = pathPart;

        public string? Fault { get; } = fault;

        public string? Body { get; } = body;

        public int Used;
    }

    private sealed class Handler(SpendgoTraffic traffic) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.PathAndQuery;
            request.Headers.Remove("X-Sandbox-Fault");
            var arrangement = traffic._arrangements.FirstOrDefault(a => a.Used == 0 && path.Contains(a.PathPart, StringComparison.Ordinal) && Interlocked.Exchange(ref a.Used, 1) == 0);
            if (arrangement?.Fault is { } fault)
            {
                request.Headers.TryAddWithoutValidation("X-Sandbox-Fault", fault);
            }

            var response = await base.SendAsync(request, cancellationToken);
            traffic._exchanges.Enqueue((request.Method, path, (int)response.StatusCode));
            if (arrangement?.Body is { } body)
            {
                response.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }

            return response;
        }
    }
}
