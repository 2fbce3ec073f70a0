using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Identity.Benchmarks;

/// <summary>The identity endpoints on Kestrel at 127.0.0.1 (a free port), Production settings, one client.</summary>
internal sealed class IssuanceServer : IAsyncDisposable
{
    public const string ClientId = "bench";
    private const string Secret = "benchmark-client-secret-0123456789";
    private readonly WebApplication _app;
    private readonly IPEndPoint _endpoint;
    private readonly byte[] _body;

    private IssuanceServer(WebApplication app, string dataDirectory, Uri address)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _endpoint = new IPEndPoint(IPAddress.Loopback, address.Port);
        using var form = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", ClientId), new("client_secret", Secret)]);
        _body = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    public string DataDirectory { get; }

    public static async Task<IssuanceServer> StartAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("identity-bench-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddGatewayIdentity(options =>
        {
            options.Issuer = "http://127.0.0.1";
            options.DataDirectory = dataDirectory;
            options.Clients[ClientId] = new IdentityClientOptions
            {
                SecretHash = ClientSecretHasher.Hash(Secret),
                Audiences = ["partners"],
                AllowedScopes = ["partners:read"],
                DefaultScopes = ["partners:read"],
            };
        });
        var app = builder.Build();
        app.MapGatewayIdentity();
        MapCeiling(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IssuanceServer(app, dataDirectory, new Uri(address));
    }

    /// <summary>A connection of its own for one load worker, sending the token request.</summary>
    public LoopbackHttpClient CreateClient() => new(_endpoint, "/oauth/token", "application/x-www-form-urlencoded", _body);

    /// <summary>The same request to the ceiling endpoint: what this machine serves when nothing is signed.</summary>
    public LoopbackHttpClient CreateCeilingClient() => new(_endpoint, CeilingPath, "application/x-www-form-urlencoded", _body);

    private const string CeilingPath = "/ceiling";

    // The HTTP work of a token request without the token work: the same form read, the same
    // headers and a response body of a token response's size, so the gap to it is our endpoint.
    private static void MapCeiling(WebApplication app)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(
            "{\"access_token\":\"" + new string('x', 560) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"partners:read\"}");
        app.MapPost(CeilingPath, async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form["grant_type"] != "client_credentials")
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(DataDirectory, recursive: true);
    }
}
