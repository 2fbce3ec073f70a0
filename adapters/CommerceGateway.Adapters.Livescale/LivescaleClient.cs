using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.Livescale;

/// <summary>
/// Calls the merchant server as Livescale's app does: an OAuth2 client-credentials token with
/// <c>audience=livescale</c>, sent as a Bearer token, and a new token (then one replay) after
/// any auth error. Non-success answers become the SDK's typed errors.
/// </summary>
internal sealed class LivescaleClient(Channel channel, HttpClient http, BackendTokenCache tokens, ILogger logger)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Sends one call with the cached token (renewed and replayed once after an auth error).</summary>
    public Task<JsonDocument> SendAsync(LivescaleCall call, CancellationToken cancellationToken) =>
        AuthorizedAsync(call.Operation, token => SendAsync(token, call, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> with an access token. When the merchant refuses the token, a new
    /// one is fetched and the whole work replayed once, so work made of several calls that depend
    /// on the token (guest login, then basket) is replayed together.
    /// </summary>
    public async Task<T> AuthorizedAsync<T>(string operation, Func<string, Task<T>> work, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(FetchTokenAsync, cancellationToken);
        try
        {
            return await work(token);
        }
        catch (TokenRejectedException)
        {
            tokens.Invalidate(token);
            LivescaleLog.TokenRejected(logger, channel.Name, operation);
        }

        token = await tokens.GetAsync(FetchTokenAsync, cancellationToken);
        try
        {
            return await work(token);
        }
        catch (TokenRejectedException e)
        {
            tokens.Invalidate(token);
            throw new BackendUnavailableException(channel.Name, $"The {channel.Name} backend refused a freshly issued access token ({operation}).", (int)HttpStatusCode.Unauthorized, e);
        }
    }

    /// <summary>Sends one call with <paramref name="token"/>; an auth error raises <see cref="TokenRejectedException"/>.</summary>
    public async Task<JsonDocument> SendAsync(string token, LivescaleCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, new Uri(call.Path, UriKind.Relative)).ForOperation(call.Operation);
        if (call.SafeToRetry)
        {
            request.SafeToRetry();
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (call.Body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(call.Body, BodyOptions), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new TokenRejectedException();
        }

        response.ThrowIfServerError(channel.Name);
        if (!response.IsSuccessStatusCode)
        {
            throw await LivescaleErrors.RefusalAsync(channel.Name, response, call.RefusalCode, cancellationToken);
        }

        // An empty answer (the spec gives some calls no body) reads as JSON null.
        return response.Content.Headers.ContentLength == 0
            ? JsonDocument.Parse("null")
            : await response.ReadDocumentAsync(channel.Name, cancellationToken);
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("oauth/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = channel.Credentials.Require(LivescaleCommerceBackend.ClientIdCredential),
                ["client_secret"] = channel.Credentials.Require(LivescaleCommerceBackend.ClientSecretCredential),
                ["audience"] = "livescale",
            }),
        };

        // Asking for a token twice only issues a second token: safe to repeat.
        request.ForOperation("Token").SafeToRetry();
        using var response = await http.SendAsync(request, cancellationToken);
        response.ThrowIfServerError(channel.Name);
        if (!response.IsSuccessStatusCode)
        {
            var refusal = await LivescaleErrors.ReadAsync(response, cancellationToken);
            throw new BackendUnavailableException(
                channel.Name,
                $"The {channel.Name} backend refused the channel's client credentials ({(int)response.StatusCode} {refusal.Code ?? "error"}: {refusal.Message}). Check the channel's Credentials:ClientId and Credentials:ClientSecret.",
                (int)response.StatusCode);
        }

        var (token, lifetime) = await response.ReadTokenAsync(channel.Name, DefaultTokenLifetime, cancellationToken);
        LivescaleLog.TokenIssued(logger, channel.Name, lifetime.TotalSeconds);
        return (token, lifetime);
    }

    /// <summary>The merchant refused the access token (401).</summary>
    private sealed class TokenRejectedException : Exception
    {
    }
}
