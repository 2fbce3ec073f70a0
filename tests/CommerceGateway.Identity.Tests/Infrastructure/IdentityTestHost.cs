using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CommerceGateway.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Identity.Tests.Infrastructure;

/// <summary>
/// An in-process host with the identity endpoints, <c>AddGatewayJwtBearer</c> validating their tokens
/// (from the host's own keys, or with <c>remoteAuthority</c> by reading its metadata over the test server
/// as a gateway without an identity service would), a protected <c>/whoami</c> and an <c>/orders</c>
/// route behind a scope policy.
/// </summary>
internal sealed class IdentityTestHost : IAsyncDisposable
{
    public const string Issuer = "http://localhost";
    public const string RemoteAddressHeader = "X-Test-Remote-Address";
    private readonly bool _ownsDirectory;

    private IdentityTestHost(WebApplication app, FakeTimeProvider time, string dataDirectory, bool ownsDirectory, CapturedLogs logs)
    {
        App = app;
        Time = time;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public string DataDirectory { get; }

    public CapturedLogs Logs { get; }

    public static async Task<IdentityTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        FakeTimeProvider? time = null,
        string? dataDirectory = null,
        string environment = "Production",
        Action<IServiceCollection>? services = null,
        bool remoteAuthority = false)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("identity-tests-").FullName;
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var settings = TestClients.Settings(Issuer, dataDirectory);
        configure?.Invoke(settings);
        var logs = new CapturedLogs();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddGatewayIdentity(builder.Configuration);
        WebApplication? app = null;
        builder.Services.AddGatewayJwtBearer(options =>
        {
            options.Audiences = ["api"];
            options.RefreshInterval = TimeSpan.FromSeconds(1);
            if (remoteAuthority)
            {
                options.Authority = Issuer;
                options.RequireHttpsMetadata = false;
                options.BackchannelHttpHandler = new LazyHandler(() => app!.GetTestServer().CreateHandler());
            }

            options.ScopePolicies["orders"] = ["orders:read"];
        });
        services?.Invoke(builder.Services);

        app = builder.Build();
        // Lets tests act from several remote addresses; the test server has none.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGatewayIdentity();
        app.MapGet("/whoami", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
        app.MapGet("/orders", () => "orders").RequireAuthorization("orders");
        await app.StartAsync();
        return new IdentityTestHost(app, time, dataDirectory, ownsDirectory, logs);
    }

    /// <summary>Posts a form to the token endpoint (or <paramref name="path"/>).</summary>
    public Task<HttpResponseMessage> PostFormAsync(IEnumerable<KeyValuePair<string, string>> fields, string path = "/oauth/token", AuthenticationHeaderValue? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = authorization;
        return Client.SendAsync(request);
    }

    /// <summary>A token for the shop client by client_secret_post, with extra form fields.</summary>
    public async Task<string> GetTokenAsync(string clientId = TestClients.ShopId, string secret = TestClients.ShopSecret, params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", secret),
        };
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        using var response = await PostFormAsync(fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The status of <c>GET /whoami</c> (or another path) with the token as a bearer.</summary>
    public async Task<(int Status, string Body)> CallApiAsync(string token, string path = "/whoami")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> IntrospectAsync(string token, string clientId = TestClients.ShopId, string secret = TestClients.ShopSecret)
    {
        using var response = await PostFormAsync(
            [new("token", token), new("client_id", clientId), new("client_secret", secret)], "/oauth/introspect");
        Assert.Equal(StatusCodes.Status200OK, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
