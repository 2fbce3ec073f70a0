using System.Collections.Concurrent;

namespace CommerceGateway.Adapters.Livescale.Tests.Infrastructure;

/// <summary>
/// What the adapter and the sandbox said to each other in a test: every exchange is recorded and
/// checked against the spec's response schemas as it happens. Tests can also arrange a sandbox
/// fault header or a rewritten answer for the next matching request.
/// </summary>
internal sealed class LivescaleTraffic
{
    private readonly ConcurrentQueue<LivescaleExchange> _exchanges = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<Arrangement> _arrangements = new();
    private readonly ConcurrentQueue<Func<HttpMethod, string, bool>> _refused = new();
    private readonly Lazy<int> _closedPort = new(() =>
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    });

    /// <summary>When true (the default), a response that breaks the spec fails the call that got it.</summary>
    public bool FailOnViolation { get; init; } = true;

    public IReadOnlyList<LivescaleExchange> Exchanges => [.. _exchanges];

    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>A primary handler for a channel's HttpClient that reports here.</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this) { InnerHandler = new SocketsHttpHandler() };

    /// <summary>Sends <c>X-Sandbox-Fault: {fault}</c> with the next request that matches.</summary>
    public void InjectFault(Func<HttpMethod, string, bool> match, string fault) =>
        _arrangements.Enqueue(new Arrangement(match, fault, null));

    /// <summary>
    /// Sends every request that matches from now on to a loopback port where nothing listens, so its
    /// connection is refused for real, retries included.
    /// </summary>
    public void RefuseConnections(Func<HttpMethod, string, bool> match) => _refused.Enqueue(match);

    /// <summary>Replaces the body of the answer to the next request that matches.</summary>
    public void RewriteAnswer(Func<HttpMethod, string, bool> match, string body) =>
        _arrangements.Enqueue(new Arrangement(match, null, body));

    /// <summary>The path below the protocol prefix, e.g. "baskets/bsk_1/items".</summary>
    public static string RelativePath(Uri uri)
    {
        var path = uri.AbsolutePath;
        var at = path.IndexOf("/livescale/", StringComparison.Ordinal);
        return at < 0 ? path.TrimStart('/') : path[(at + "/livescale/".Length)..];
    }

    private Arrangement? Take(HttpMethod method, string path)
    {
        var pending = _arrangements.ToArray().FirstOrDefault(a => !a.Used && a.Match(method, path));
        if (pending is null)
        {
            return null;
        }

        pending.Used = true;
        return pending;
    }

    private sealed class Arrangement(Func<HttpMethod, string, bool> match, string? fault, string? body)
    {
        public Func<HttpMethod, string, bool> Match { get; } = match;

        public string? Fault { get; } = fault;

        public string? Body { get; } = body;

        public bool Used { get; set; }
    }

    private sealed class Handler(LivescaleTraffic traffic) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = RelativePath(request.RequestUri!);
            if (traffic._refused.Any(match => match(request.Method, path)))
            {
                request.RequestUri = new UriBuilder(request.RequestUri!) { Port = traffic._closedPort.Value }.Uri;
            }

            // A retry resends the same request: an arranged fault applies to its first attempt only.
            request.Headers.Remove("X-Sandbox-Fault");
            var arrangement = traffic.Take(request.Method, path);
            if (arrangement?.Fault is { } fault)
            {
                request.Headers.TryAddWithoutValidation("X-Sandbox-Fault", fault);
            }

            // Form and JSON contents are buffered, so reading them here leaves them to send.
            var sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            traffic._exchanges.Enqueue(new LivescaleExchange(request.Method, path, status, body, sent));

            // Injected transport faults answer for the sandbox host, not for the protocol.
            var injected = request.Headers.TryGetValues("X-Sandbox-Fault", out var values) && values.Any(v => v.Contains("status", StringComparison.Ordinal) || v.Contains("malformed", StringComparison.Ordinal));
            var violations = injected ? [] : LivescaleSpec.Instance.Check(request.Method, path, status, body);
            foreach (var violation in violations)
            {
                traffic._violations.Enqueue(violation);
            }

            if (traffic.FailOnViolation && violations.Count > 0)
            {
                response.Dispose();
                throw new InvalidOperationException("The sandbox broke the Livescale spec: " + string.Join("; ", violations));
            }

            var replaced = arrangement?.Body ?? body;
            var copy = new HttpResponseMessage(response.StatusCode) { RequestMessage = request, Content = new StringContent(replaced, System.Text.Encoding.UTF8, "application/json") };
            foreach (var header in response.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Dispose();
            return copy;
        }
    }
}

/// <summary>One request and the sandbox's answer (<see cref="Body"/>); <see cref="RequestBody"/> is what the adapter sent.</summary>
internal sealed record LivescaleExchange(HttpMethod Method, string Path, int Status, string Body, string? RequestBody = null);
