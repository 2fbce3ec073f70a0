using System.Collections.Concurrent;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Builder;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>The real sandbox, noting the method and path of every request that reaches it (for protocols without a ledger).</summary>
public sealed class RequestLogSandboxServer : SandboxServer
{
    private readonly ConcurrentQueue<(string Method, string Path)> _requests = new();

    /// <summary>How many <paramref name="method"/> requests to <paramref name="path"/> have arrived.</summary>
    public int Count(string method, string path) =>
        _requests.Count(r => r.Method == method && string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));

    protected override void Configure(WebApplication app) => app.Use((context, next) =>
    {
        _requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "/"));
        return next(context);
    });
}
