using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.GuestManager;

/// <summary>
/// Calls to the public API v2: Token authorization, JSON bodies, the documented 429 (waited out
/// when Retry-After is short, since a rate-limited request was not processed and can be sent
/// again) and each error type turned into a typed error by <see cref="GuestManagerErrors"/>.
/// </summary>
internal sealed class GuestManagerApi(Channel channel, HttpClient http, GuestManagerSettings settings, TimeProvider time, ILogger logger)
{
    private const string BasePath = "api/public/v2/";

    /// <summary>Sends a request and returns the Order (or other) document of a 2xx answer.</summary>
    public async Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonNode? body, string operation, bool safeToRetry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(BasePath + path, UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", settings.ApiKey);
            request.ForOperation(operation).SafeToRetry(safeToRetry);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfter(response);
                // Safe requests were already retried by the channel's pipeline, which honours Retry-After itself.
                if (safeToRetry || attempt > settings.RateLimitRetries || wait > settings.RateLimitMaxWait)
                {
                    GuestManagerLog.RateLimitExhausted(logger, channel.Name, operation, wait.TotalSeconds);
                    throw new BackendUnavailableException(
                        channel.Name,
                        $"The {channel.Name} backend is rate limiting this gateway (300 requests a minute per IP); retry after {Math.Ceiling(wait.TotalSeconds):0} s.",
                        (int)HttpStatusCode.TooManyRequests);
                }

                GuestManagerLog.RateLimited(logger, channel.Name, operation, wait.TotalSeconds, attempt);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }

            response.ThrowIfServerError(channel.Name);
            var document = await response.ReadDocumentAsync(channel.Name, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return document;
            }

            using (document)
            {
                throw GuestManagerErrors.From(channel.Name, response.StatusCode, document.Root(channel.Name));
            }
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
