using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.Outages;

/// <summary>One HTTP answer as a client sees it during (or after) an outage, with how long it took.</summary>
public sealed record OutageAnswer(HttpStatusCode Status, string? ContentType, string? RetryAfter, string? WwwAuthenticate, JsonElement Body, TimeSpan Elapsed)
{
    /// <summary>
    /// The most an outage answer may take: the store's operation timeout, plus the multiplexer's
    /// heartbeat granularity (a quarter of it) and a margin for a busy test machine.
    /// </summary>
    public static readonly TimeSpan Bound = StateStoreOutageFixture.OperationTimeout * 1.25 + TimeSpan.FromSeconds(1.5);

    /// <summary>The first GraphQL error's <c>extensions.code</c>, or null.</summary>
    public string? GraphQLCode =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
            && errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;

    /// <summary>A string member of the JSON body (<c>error</c>, <c>code</c>), or null.</summary>
    public string? Member(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static Task<OutageAnswer> GraphQLAsync(HttpClient http, string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd(accept);
        return SendAsync(http, request);
    }

    public static Task<OutageAnswer> GetAsync(HttpClient http, string path) =>
        SendAsync(http, new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative)));

    public static Task<OutageAnswer> PostFormAsync(HttpClient http, string path, IDictionary<string, string> form) =>
        SendAsync(http, new HttpRequestMessage(HttpMethod.Post, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = new FormUrlEncodedContent(form) });

    /// <summary>Repeats <paramref name="send"/> until <paramref name="done"/> holds (Redis is back), for at most 20 seconds.</summary>
    public static async Task<OutageAnswer> EventuallyAsync(Func<Task<OutageAnswer>> send, Func<OutageAnswer, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await send();
            if (done(answer) || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                return answer;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<OutageAnswer> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            watch.Stop();
            JsonElement body = default;
            if (text.Length > 0)
            {
                try
                {
                    using var json = JsonDocument.Parse(text);
                    body = json.RootElement.Clone();
                }
                catch (JsonException)
                {
                    body = JsonSerializer.SerializeToElement(text);
                }
            }

            return new OutageAnswer(
                response.StatusCode,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.RetryAfter?.ToString(),
                response.Headers.WwwAuthenticate.Count > 0 ? response.Headers.WwwAuthenticate.ToString() : null,
                body,
                watch.Elapsed);
        }
    }
}
