using System.Collections.Concurrent;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommerceGateway.Gateway.Tests.Operations;

/// <summary>The real sandbox, noting the correlation id and trace context of every request that reaches it.</summary>
public sealed class RecordingSandboxServer : SandboxServer
{
    private readonly ConcurrentQueue<SandboxRequest> _requests = new();

    /// <summary>The requests that arrived carrying this correlation id.</summary>
    public IReadOnlyList<SandboxRequest> RequestsWith(string correlationId) =>
        [.. _requests.Where(r => r.CorrelationId == correlationId)];

    protected override void Configure(WebApplication app) => app.Use((context, next) =>
    {
        var headers = context.Request.Headers;
        _requests.Enqueue(new SandboxRequest(
            context.Request.Path.Value ?? "/",
            headers["X-Correlation-Id"].FirstOrDefault(),
            headers.TryGetValue("traceparent", out var parent) ? parent.ToString() : null));
        return next(context);
    });
}
