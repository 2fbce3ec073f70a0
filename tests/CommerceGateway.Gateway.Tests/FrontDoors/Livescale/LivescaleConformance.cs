using System.Collections.Concurrent;
using System.Text.Json;
using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>
/// Checks every answer of the front door as it arrives: a success against the response schema of its
/// spec operation (the project's protocol statement, read by <see cref="LivescaleSpec"/>), an error
/// against the error model (<c>{error, message}</c>; RFC 6749's <c>{error, error_description}</c> on the
/// token endpoint). A violation fails the call that got it.
/// </summary>
public sealed class LivescaleConformance
{
    private readonly ConcurrentQueue<string> _operations = new();

    /// <summary>The spec operations answered so far, e.g. "PUT /orders/{order_id}".</summary>
    public IReadOnlyCollection<string> Operations => [.. _operations.Distinct()];

    public HttpMessageHandler CreateHandler() => new Handler(this) { InnerHandler = new SocketsHttpHandler() };

    /// <summary>The path below <c>/livescale/{channel}/</c>, e.g. "baskets/cart_1/items".</summary>
    public static string RelativePath(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', 4, StringSplitOptions.None);
        return segments is ["", "livescale", _, var rest] ? rest : uri.AbsolutePath.TrimStart('/');
    }

    public static IReadOnlyList<string> Violations(HttpMethod method, string path, int status, string body)
    {
        if (status is >= 200 and < 300)
        {
            return LivescaleSpec.Instance.Check(method, path, status, body);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var detail = path == "oauth/token" ? "error_description" : "message";
            var ok = root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                && (path == "oauth/token" && !root.TryGetProperty(detail, out _) || root.TryGetProperty(detail, out var text) && text.ValueKind == JsonValueKind.String);
            return ok ? [] : [$"{method} {path} {status}: the error body is not {{error, {detail}}}: {body}"];
        }
        catch (JsonException)
        {
            return [$"{method} {path} {status}: the error body is not JSON: {body}"];
        }
    }

    private sealed class Handler(LivescaleConformance owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var path = RelativePath(request.RequestUri!);
            if (LivescaleSpec.Instance.OperationOf(request.Method, path) is { } operation)
            {
                owner._operations.Enqueue(operation);
            }

            var violations = Violations(request.Method, path, (int)response.StatusCode, body);
            if (violations.Count > 0)
            {
                response.Dispose();
                throw new InvalidOperationException("The Livescale front door broke the spec: " + string.Join("; ", violations));
            }

            return response;
        }
    }
}
