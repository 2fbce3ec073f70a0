using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>
/// A real HTTP backend: Kestrel on a free loopback port, answering each request from a script
/// (given the request and its 1-based number) and recording every request as it arrives.
/// </summary>
internal sealed class LoopbackBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<LoopbackArrival> _arrivals = new();
    private int _calls;

    private LoopbackBackend(WebApplication app, Func<HttpContext, int, Task> answer)
    {
        _app = app;
        app.Run(context =>
        {
            var call = Interlocked.Increment(ref _calls);
            _arrivals.Enqueue(new LoopbackArrival(call, context.Request.Method, context.Request.Path, _clock.Elapsed, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return answer(context, call);
        });
    }

    /// <summary>The backend's root URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<LoopbackArrival> Arrivals => [.. _arrivals.OrderBy(a => a.Number)];

    public static async Task<LoopbackBackend> StartAsync(Func<HttpContext, int, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var backend = new LoopbackBackend(builder.Build(), answer);
        await backend._app.StartAsync();
        var address = backend._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        backend.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return backend;
    }

    /// <summary>Answers every request with <paramref name="status"/>.</summary>
    public static Task<LoopbackBackend> AlwaysAsync(HttpStatusCode status) => StartAsync((context, _) => Answer(context, status));

    /// <summary>Writes a status (and optional Retry-After, in seconds) with a small JSON body.</summary>
    public static Task Answer(HttpContext context, HttpStatusCode status, int? retryAfterSeconds = null)
    {
        context.Response.StatusCode = (int)status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsJsonAsync(new { status = (int)status });
    }

    /// <summary>Never answers: like a backend that accepted the connection and stalls, until the client gives up.</summary>
    public static async Task Stall(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away: nothing left to answer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
