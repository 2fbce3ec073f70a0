using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGateway.Soak.Buyers;

/// <summary>
/// <c>/graphql</c> through the balancer, for every buyer: one bearer token of the storefront
/// client, each call timed and each error recorded in the journal as typed or not.
/// </summary>
public sealed class SoakClient : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly SoakJournal _journal;

    public SoakClient(Uri publicUrl, SoakJournal journal)
    {
        _journal = journal;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30), MaxConnectionsPerServer = 512 })
        {
            BaseAddress = publicUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Gets the storefront token from the gateway's token endpoint (through the balancer), retrying while replicas start.</summary>
    public async Task AuthenticateAsync(string clientId, string secret, string audience, string scopes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = secret,
                ["audience"] = audience,
                ["scope"] = scopes,
            });
            try
            {
                using var response = await _http.PostAsync(new Uri("oauth/token", UriKind.Relative), form, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var json = JsonDocument.Parse(body);
                    _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
                    return;
                }

                if (attempt >= 10)
                {
                    throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
                }
            }
            catch (HttpRequestException) when (attempt < 10)
            {
                // A replica still starting behind the balancer.
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="query"/> and returns <c>data.{field}</c> with its first user error, if any.</summary>
    public async Task<Answer> CallAsync(string field, string query, object variables, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            using var response = await _http.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query, variables }, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            _journal.Latency(field, watch.Elapsed.TotalMilliseconds);
            return Read(field, response.StatusCode, text);
        }
        catch (Exception e) when ((e is HttpRequestException or IOException || e is OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            // No answer at all (a connection lost mid-request or no answer in time): not an error of
            // the gateway's wording, but the buyer cannot know whether the call was applied.
            _journal.Error(new CallerError(field, "TRANSPORT", e.GetType().Name, Typed: true));
            return new Answer(default, "TRANSPORT", Retryable: true, OutcomeUnknown: true);
        }
    }

    public void Dispose() => _http.Dispose();

    private Answer Read(string field, HttpStatusCode status, string text)
    {
        JsonElement root;
        try
        {
            using var json = JsonDocument.Parse(text);
            root = json.RootElement.Clone();
        }
        catch (JsonException)
        {
            // nginx's own page when the replica it sent the request to died before answering.
            if (status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout && text.Contains("nginx", StringComparison.Ordinal))
            {
                var proxy = status == HttpStatusCode.BadGateway ? "PROXY_502" : "PROXY_504";
                _journal.Error(new CallerError(field, proxy, "nginx: " + status, Typed: true));
                return new Answer(default, proxy, Retryable: true, OutcomeUnknown: true);
            }

            var code = "HTTP_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _journal.Error(new CallerError(field, code, Truncate(text), Typed: false));
            return new Answer(default, code, Retryable: status == HttpStatusCode.ServiceUnavailable, OutcomeUnknown: true);
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            string? first = null;
            foreach (var error in errors.EnumerateArray())
            {
                var code = error.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                _journal.Error(new CallerError(field, code ?? "NO_CODE", message ?? "", ErrorClassifier.IsTyped(code, message)));
                first ??= code ?? "NO_CODE";
            }

            return new Answer(default, first, ErrorClassifier.RetryableCodes.Contains(first!), OutcomeUnknown: first is "INTERNAL_SERVER_ERROR" or "NO_CODE");
        }

        if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty(field, out var payload))
        {
            _journal.Error(new CallerError(field, "NO_DATA", Truncate(text), Typed: false));
            return new Answer(default, "NO_DATA", Retryable: false, OutcomeUnknown: true);
        }

        if (payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("userErrors", out var userErrors) && userErrors.GetArrayLength() > 0)
        {
            string? first = null;
            foreach (var error in userErrors.EnumerateArray())
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                _journal.Error(new CallerError(field, code ?? "NO_CODE", message ?? "", ErrorClassifier.IsTyped(code, message)));
                first ??= code ?? "NO_CODE";
            }

            // PAYMENT_OUTCOME_UNKNOWN is the gateway saying an earlier attempt may have charged: not a "no".
            return new Answer(payload, first, ErrorClassifier.RetryableCodes.Contains(first!), OutcomeUnknown: first == "PAYMENT_OUTCOME_UNKNOWN");
        }

        return new Answer(payload, null, Retryable: false, OutcomeUnknown: false);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
