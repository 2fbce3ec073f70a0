using CommerceGateway.Testing;
using Microsoft.AspNetCore.Builder;

namespace CommerceGateway.Identity.Tests.Infrastructure;

/// <summary>The standalone host (<c>CommerceGateway.Identity.Host</c>) on a free loopback port over real HTTP.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningHost(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<RunningHost> StartAsync(string environment, params string[] settings)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        string[] args = ["--environment", environment, "--urls", url, "--Identity:Issuer", url, .. settings];
        var app = CommerceGateway.Identity.Host.Program.CreateApplication(args);
        await app.StartAsync();
        return new RunningHost(app, url);
    }

    /// <summary>Development with no <c>Identity:Issuer</c>, on a port the system picks (<c>--urls http://127.0.0.1:0</c>).</summary>
    public static async Task<RunningHost> StartOnAnyPortAsync()
    {
        var app = CommerceGateway.Identity.Host.Program.CreateApplication(["--environment", "Development", "--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        return new RunningHost(app, app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
