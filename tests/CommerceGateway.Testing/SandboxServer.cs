using System.Net.Http.Json;
using CommerceGateway.Sandbox.Faults;
using CommerceGateway.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CommerceGateway.Testing;

/// <summary>
/// The real sandbox backends on Kestrel on a free loopback port, so adapters are tested over real
/// HTTP. Uses the system clock; see <see cref="FakeClockSandboxServer"/> for tests that move time.
/// </summary>
public class SandboxServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The port the sandbox listens on.</summary>
    public int Port { get; } = FreePort.Next();

    /// <summary>The sandbox root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The clock the sandbox runs on.</summary>
    public virtual TimeProvider Time => TimeProvider.System;

    /// <summary>The services of the running sandbox, e.g. to reach protocol state in assertions.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The sandbox is not started.");

    /// <summary>The base URL of one protocol, e.g. <c>ProtocolUrl("livescale")</c>, ending with '/'.</summary>
    public Uri ProtocolUrl(string protocol) => new(BaseUrl, protocol.Trim('/') + "/");

    /// <summary>An HttpClient whose base address is the sandbox root.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl };

    /// <summary>Sets a protocol-wide fault through the admin endpoint.</summary>
    public async Task SetFaultAsync(string protocol, FaultSpec fault)
    {
        using var client = CreateClient();
        using var response = await client.PutAsJsonAsync(new Uri($"_admin/{protocol}/faults", UriKind.Relative), fault);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Clears a protocol-wide fault.</summary>
    public async Task ClearFaultAsync(string protocol)
    {
        using var client = CreateClient();
        using var response = await client.DeleteAsync(new Uri($"_admin/{protocol}/faults", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Time);
        builder.Services.AddSandbox();
        _app = builder.Build();
        Configure(_app);
        _app.MapSandbox();
        await _app.StartAsync();
    }

    /// <summary>Adds middleware in front of the sandbox's endpoints (e.g. to record what arrives).</summary>
    protected virtual void Configure(WebApplication app)
    {
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
