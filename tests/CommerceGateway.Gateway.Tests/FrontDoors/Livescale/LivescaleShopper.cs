using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>
/// Livescale's side of the protocol against one base URL (<c>/livescale/{channel}/</c>): every call is
/// relative to it, every answer checked by <see cref="LivescaleConformance"/>.
/// </summary>
public sealed class LivescaleShopper : IDisposable
{
    private readonly HttpClient _http;

    public LivescaleShopper(Uri gateway, string channel, LivescaleConformance conformance, string? token = null)
    {
        Channel = channel;
        _http = new HttpClient(conformance.CreateHandler()) { BaseAddress = new Uri(gateway, $"livescale/{channel}/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public string Channel { get; }

    public async Task<LivescaleAnswer> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return new LivescaleAnswer((int)response.StatusCode, json.RootElement.Clone(), response.Headers);
    }

    /// <summary>A call that must answer <paramref name="status"/>; returns the body.</summary>
    public async Task<JsonElement> OkAsync(HttpMethod method, string path, object? body = null, int status = 200)
    {
        var answer = await SendAsync(method, path, body);
        Assert.True(answer.Status == status, $"{method} {path}: expected {status}, got {answer.Status} {answer.Body}");
        return answer.Body;
    }

    /// <summary>The token request Livescale sends (step 1 of the standard flow).</summary>
    public async Task<LivescaleAnswer> RequestTokenAsync(string clientId, string secret, string audience = "livescale")
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["audience"] = audience,
        });
        using var response = await _http.PostAsync(new Uri("oauth/token", UriKind.Relative), form);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new LivescaleAnswer((int)response.StatusCode, json.RootElement.Clone(), response.Headers);
    }

    public void Dispose() => _http.Dispose();
}
