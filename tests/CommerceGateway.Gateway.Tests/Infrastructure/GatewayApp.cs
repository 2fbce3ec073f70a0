using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (its own Program) on Kestrel on a free loopback port, so tokens, metadata and
/// proxied requests all travel over real HTTP. Settings are applied before Program reads them.
/// </summary>
public sealed class GatewayApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;
    private readonly IConfigurationSource? _extraConfiguration;

    public GatewayApp(IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null, IConfigurationSource? configuration = null)
    {
        _environment = environment;
        _services = services;
        _extraConfiguration = configuration;
        _settings["Identity:Issuer"] = Issuer;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
    }

    /// <summary>The gateway's port.</summary>
    public int Port { get; } = FreePort.Next();

    /// <summary>The gateway's root URL, ending with '/'.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The identity issuer of this gateway (no trailing '/').</summary>
    public string Issuer => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every log entry the gateway wrote.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Starts the gateway if needed and returns a client that calls it over loopback HTTP.</summary>
    public HttpClient CreateHttpClient()
    {
        StartServer();
        return new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// A token from the gateway's token endpoint; cached per client, scope and audience because the
    /// demo secrets are deliberately slow to verify.
    /// </summary>
    public async Task<string> GetTokenAsync(string clientId = DemoClients.PartnerId, string secret = DemoClients.PartnerSecret, string? scope = null, string? audience = null)
    {
        var cacheKey = $"{clientId}|{scope}|{audience}";
        await _tokenGate.WaitAsync();
        try
        {
            if (_tokens.TryGetValue(cacheKey, out var cached))
            {
                return cached;
            }

            using var client = CreateHttpClient();
            var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
            if (scope is not null)
            {
                form["scope"] = scope;
            }

            if (audience is not null)
            {
                form["audience"] = audience;
            }

            using var content = new FormUrlEncodedContent(form);
            using var response = await client.PostAsync(new Uri("/oauth/token", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
            }

            using var json = JsonDocument.Parse(body);
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            _tokens[cacheKey] = token;
            return token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    /// <summary>A client carrying a bearer token.</summary>
    public HttpClient CreateAuthorizedClient(string token)
    {
        var client = CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_extraConfiguration is not null)
        {
            builder.ConfigureAppConfiguration(configuration => configuration.Add(_extraConfiguration));
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(Logs);
        });
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _tokenGate.Dispose();
        }

        base.Dispose(disposing);
    }
}
