using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CommerceGateway.Adapters;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.OneBox.Http;

/// <summary>
/// Calls to the booking backend: form-encoded requests, JSON answers, a cached client-credentials
/// Bearer token (renewed once on a 401, then the call is replayed), and 4xx answers turned into
/// typed errors by <see cref="BookingErrors"/>.
/// </summary>
internal sealed class BookingHttp(Channel channel, HttpClient http, BackendTokenCache tokens, ILogger logger)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>POSTs form fields and returns the JSON answer of a 2xx.</summary>
    public Task<JsonDocument> PostAsync(string path, string operation, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken, bool safeToRetry = false)
    {
        var form = fields.ToList();
        return SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) }
                .ForOperation(operation)
                .SafeToRetry(safeToRetry),
            cancellationToken);
    }

    /// <summary>GETs a resource and returns the JSON answer of a 2xx.</summary>
    public Task<JsonDocument> GetAsync(string pathAndQuery, string operation, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative)).ForOperation(operation), cancellationToken);

    /// <summary>A form field.</summary>
    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    /// <summary>A form field holding an exact decimal amount.</summary>
    public static KeyValuePair<string, string> Field(string name, Money amount) =>
        new(name, amount.Amount.ToString(CultureInfo.InvariantCulture));

    private async Task<JsonDocument> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(FetchTokenAsync, cancellationToken);
        var response = await SendOnceAsync(build, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            tokens.Invalidate(token);
            BookingLog.TokenRejected(logger, channel.Name);
            token = await tokens.GetAsync(FetchTokenAsync, cancellationToken);
            response = await SendOnceAsync(build, token, cancellationToken);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new BackendUnavailableException(channel.Name, $"The {channel.Name} backend refused a freshly issued access token.", 401);
            }

            response.ThrowIfServerError(channel.Name);
            var document = await response.ReadDocumentAsync(channel.Name, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return document;
            }

            using (document)
            {
                throw BookingErrors.From(channel.Name, (int)response.StatusCode, document.Root(channel.Name));
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> build, string token, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var path = channel.Setting(BookingSettings.TokenPath, "oauth/token")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(
            [
                Field("grant_type", "client_credentials"),
                Field("client_id", channel.Credentials.Require(BookingSettings.ClientId)),
                Field("client_secret", channel.Credentials.Require(BookingSettings.ClientSecret)),
            ]),
        };
        request.ForOperation("Token").SafeToRetry();
        using var response = await http.SendAsync(request, cancellationToken);
        response.ThrowIfServerError(channel.Name);
        if (!response.IsSuccessStatusCode)
        {
            using var document = await response.ReadDocumentAsync(channel.Name, cancellationToken);
            var error = document.Root(channel.Name).Optional("error")?.AsString() ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            throw new BackendUnavailableException(
                channel.Name,
                $"The {channel.Name} backend refused the channel's client credentials ({error}). Check the channel's ClientId and ClientSecret credentials.",
                (int)response.StatusCode);
        }

        return await response.ReadTokenAsync(channel.Name, DefaultTokenLifetime, cancellationToken);
    }
}
