using System.Net;
using System.Text;
using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.RateLimiting;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>
/// Authenticates the calling client by <c>client_secret_basic</c> or <c>client_secret_post</c> (exactly one),
/// applying the failed-authentication limits.
/// </summary>
internal sealed class ClientAuthentication
{
    private readonly ClientAuthenticator _authenticator;
    private readonly FailedAuthenticationLimiter _limiter;
    private readonly IdentityMetrics _metrics;
    private readonly ILogger _logger;

    public ClientAuthentication(ClientAuthenticator authenticator, FailedAuthenticationLimiter limiter, IdentityMetrics metrics, ILogger<ClientAuthentication> logger)
    {
        _authenticator = authenticator;
        _limiter = limiter;
        _metrics = metrics;
        _logger = logger;
    }

    public (RegisteredClient? Client, OAuthError? Error) Authenticate(HttpContext context, OAuthParameters parameters)
    {
        var (clientId, secret, basic, error) = ReadCredentials(context.Request, parameters);
        if (error is not null)
        {
            return (null, error);
        }

        var client = _authenticator.TryVerifyFast(clientId!, secret!);
        if (client is not null)
        {
            return (client, null);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_limiter.RetryAfter(clientId!, address) is { } retryAfter)
        {
            IdentityLog.AuthenticationThrottled(_logger, clientId!, address, (long)Math.Ceiling(retryAfter.TotalSeconds));
            _metrics.AuthenticationThrottled();
            return (null, new OAuthError(StatusCodes.Status429TooManyRequests, "invalid_client", "Too many failed client authentications; retry later.")
            {
                RetryAfter = retryAfter,
            });
        }

        client = _authenticator.VerifySlow(clientId!, secret!);
        if (client is null)
        {
            _limiter.RecordFailure(clientId!, address);
            IdentityLog.AuthenticationFailed(_logger, clientId!, address);
            return (null, OAuthError.InvalidClient("Client authentication failed.", basic));
        }

        return (client, null);
    }

    private static (string? ClientId, string? Secret, bool Basic, OAuthError? Error) ReadCredentials(HttpRequest request, OAuthParameters parameters)
    {
        var bodyId = parameters.Get("client_id");
        var bodySecret = parameters.Get("client_secret");
        var headers = request.Headers.Authorization;
        if (headers.Count == 0)
        {
            if (bodySecret is not null && bodyId is null)
            {
                return (null, null, false, OAuthError.InvalidRequest("'client_secret' was sent without 'client_id'."));
            }

            return bodyId is null || bodySecret is null
                ? (null, null, false, OAuthError.InvalidClient("Client authentication is required: use client_secret_basic or client_secret_post.", basic: false))
                : (bodyId, bodySecret, false, null);
        }

        if (headers.Count > 1)
        {
            return (null, null, true, OAuthError.InvalidRequest("The Authorization header is repeated."));
        }

        var header = headers[0]!;
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, false, OAuthError.InvalidRequest("Only the Basic authorization scheme authenticates clients here."));
        }

        if (!TryDecodeBasic(header.AsSpan(6).Trim(), out var clientId, out var secret))
        {
            return (null, null, true, OAuthError.InvalidRequest("The Basic credentials are malformed: base64 of form-urlencoded 'client_id:client_secret' is expected."));
        }

        if (bodySecret is not null)
        {
            return (null, null, true, OAuthError.InvalidRequest("Use one client authentication method: Basic and 'client_secret' in the body were both sent."));
        }

        if (bodyId is not null && bodyId != clientId)
        {
            return (null, null, true, OAuthError.InvalidRequest("'client_id' in the body differs from the Basic credentials."));
        }

        return (clientId, secret, true, null);
    }

    /// <summary>RFC 6749 §2.3.1: id and secret are form-urlencoded, joined by ':', then base64 encoded.</summary>
    private static bool TryDecodeBasic(ReadOnlySpan<char> encoded, out string clientId, out string secret)
    {
        clientId = secret = string.Empty;
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var length))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = WebUtility.UrlDecode(decoded[..colon]);
        secret = WebUtility.UrlDecode(decoded[(colon + 1)..]);
        return clientId.Length > 0 && secret.Length > 0;
    }
}
