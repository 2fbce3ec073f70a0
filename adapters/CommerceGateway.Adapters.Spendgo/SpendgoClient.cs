using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.Spendgo;

/// <summary>
/// Calls the loyalty API with a partner access token from <c>oauth2/v1/token</c> (client id and
/// shared secret as HTTP Basic, the account id as a parameter), cached until shortly before it
/// expires; a 401 fetches a new token and replays the call once. A 4xx answer is raised as a
/// <see cref="SpendgoRefusal"/>, a 5xx as <see cref="BackendUnavailableException"/>.
/// </summary>
internal sealed class SpendgoClient(Channel channel, HttpClient http, BackendTokenCache tokens, ILogger logger)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Sends one call; <paramref name="safeToRetry"/> lets the pipeline repeat it after a transient failure.</summary>
    public async Task<JsonDocument> SendAsync(string operation, HttpMethod method, string path, JsonObject? body, bool safeToRetry, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(FetchTokenAsync, cancellationToken);
        var answer = await SendOnceAsync(token, operation, method, path, body, safeToRetry, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        tokens.Invalidate(token);
        SpendgoLog.TokenRejected(logger, channel.Name, operation);
        token = await tokens.GetAsync(FetchTokenAsync, cancellationToken);
        return await SendOnceAsync(token, operation, method, path, body, safeToRetry, cancellationToken)
            ?? throw new BackendUnavailableException(channel.Name, $"The {channel.Name} loyalty backend refused a freshly issued access token ({operation}).", (int)HttpStatusCode.Unauthorized);
    }

    /// <summary>The answer, or null when the token was refused (401).</summary>
    private async Task<JsonDocument?> SendOnceAsync(string token, string operation, HttpMethod method, string path, JsonObject? body, bool safeToRetry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)).ForOperation(operation).SafeToRetry(safeToRetry);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        response.ThrowIfServerError(channel.Name);
        if (!response.IsSuccessStatusCode)
        {
            throw await SpendgoRefusal.ReadAsync(response, cancellationToken);
        }

        return await response.ReadDocumentAsync(channel.Name, cancellationToken);
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var account = channel.Credentials.Require(SpendgoLoyaltyBackend.AccountIdCredential);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"oauth2/v1/token?grant_type=client_credentials&account_id={Uri.EscapeDataString(account)}", UriKind.Relative));
        var pair = $"{Uri.EscapeDataString(channel.Credentials.Require(SpendgoLoyaltyBackend.ClientIdCredential))}:{Uri.EscapeDataString(channel.Credentials.Require(SpendgoLoyaltyBackend.ClientSecretCredential))}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));

        // Asking for a token twice only issues a second token: safe to repeat.
        request.ForOperation("Token").SafeToRetry();
        using var response = await http.SendAsync(request, cancellationToken);
        response.ThrowIfServerError(channel.Name);
        if (!response.IsSuccessStatusCode)
        {
            var refusal = await SpendgoRefusal.ReadAsync(response, cancellationToken);
            throw new BackendUnavailableException(
                channel.Name,
                $"The {channel.Name} loyalty backend refused the channel's credentials ({(int)response.StatusCode} {refusal.Code ?? "error"}: {refusal.BackendMessage}). Check Credentials:ClientId, Credentials:ClientSecret and Credentials:AccountId.",
                (int)response.StatusCode);
        }

        var (token, lifetime) = await response.ReadTokenAsync(channel.Name, DefaultTokenLifetime, cancellationToken);
        SpendgoLog.TokenIssued(logger, channel.Name, lifetime.TotalSeconds);
        return (token, lifetime);
    }
}
