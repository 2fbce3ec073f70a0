using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// A Kestrel app on 127.0.0.1 and an OS-chosen port, configured as in production (Production
/// environment, no logging providers), so the benchmark measures the server and not console logging.
/// </summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The /graphql address of the running app.</summary>
    public Uri Url { get; }

    public static async Task<LoopbackHost> StartAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackHost(app, new Uri(new Uri(address), "/graphql"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
