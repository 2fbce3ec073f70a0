using Microsoft.AspNetCore;
using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// <c>private_key_jwt</c> client authentication (RFC 7523 §2.2, §3) on the token, introspection and
/// revocation endpoints. OpenIddict extracts <c>client_assertion</c>, but in degraded mode it has no
/// application store to find the client's keys, and its own checks answer <c>invalid_grant</c> where
/// RFC 7521 §4.2.1 wants <c>invalid_client</c> and know neither our limiter nor a shared <c>jti</c>
/// list; so this takes the place of its assertion validation. Every refusal is <c>invalid_client</c>
/// and counts toward the failed-authentication limiter (toward the client only once its key signed the
/// assertion, toward the caller's address always); the assertion itself is never logged.
/// </summary>
internal sealed class ClientAssertionAuthentication : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>How far clocks may disagree when <c>exp</c>, <c>nbf</c> and <c>iat</c> are checked.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest an assertion may live (<c>exp</c> − <c>iat</c>, or <c>exp</c> − now without <c>iat</c>):
    /// clients make one per request, and a short life bounds both a stolen assertion and the used-id list.
    /// </summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The longest <c>jti</c> accepted; it becomes a key of the shared store.</summary>
    public const int MaxTokenIdLength = 256;

    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };
    private readonly ClientAuthenticator _clients;
    private readonly FailedAuthenticationLimiter _limiter;
    private readonly IUsedAssertionStore _used;
    private readonly IdentityIssuer _issuer;
    private readonly IdentityMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ClientAssertionAuthentication(
        ClientAuthenticator clients,
        FailedAuthenticationLimiter limiter,
        IUsedAssertionStore used,
        IdentityIssuer issuer,
        IdentityMetrics metrics,
        TimeProvider time,
        ILogger<ClientAssertionAuthentication> logger)
    {
        _clients = clients;
        _limiter = limiter;
        _used = used;
        _issuer = issuer;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs where OpenIddict validates assertions (<see cref="Replaced"/>), before the client id is checked.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
        .UseSingletonHandler<ClientAssertionAuthentication>()
        .SetOrder(OpenIddictServerHandlers.ValidateClientAssertion.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <summary>The built-in handler this one takes the place of.</summary>
    public static OpenIddictServerHandlerDescriptor Replaced => OpenIddictServerHandlers.ValidateClientAssertion.Descriptor;

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.EndpointType is not (OpenIddictServerEndpointType.Token or OpenIddictServerEndpointType.Introspection or OpenIddictServerEndpointType.Revocation)
            || (string.IsNullOrEmpty(request.ClientAssertion) && string.IsNullOrEmpty(request.ClientAssertionType)))
        {
            return;
        }

        var http = context.Transaction.GetHttpRequest()!;
        if (http.Headers.Authorization.Count > 0 || !string.IsNullOrEmpty(request.ClientSecret))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, "Use one client authentication method: a client assertion, client_secret_basic or client_secret_post, not several.");
            return;
        }

        if (string.IsNullOrEmpty(request.ClientAssertion) || string.IsNullOrEmpty(request.ClientAssertionType))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, "'client_assertion' and 'client_assertion_type' are sent together.");
            return;
        }

        if (request.ClientAssertionType != OpenIddictConstants.ClientAssertionTypes.JwtBearer)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, $"The only client_assertion_type supported is '{OpenIddictConstants.ClientAssertionTypes.JwtBearer}'.");
            return;
        }

        JsonWebToken assertion;
        try
        {
            assertion = new JsonWebToken(request.ClientAssertion);
        }
        catch (ArgumentException)
        {
            // Garbage counts toward the remote address's limit only: no client id can be read from it.
            _limiter.RecordAddressFailure(Address(http));
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client assertion is not a JWT.");
            return;
        }

        // Unverified until the signature is: it only picks the client whose keys must verify it.
        var clientId = Claim(assertion, JwtRegisteredClaimNames.Iss) ?? string.Empty;
        var address = Address(http);
        if (_limiter.RetryAfter(clientId, address) is { } retryAfter)
        {
            IdentityLog.AuthenticationThrottled(_logger, clientId, address, (long)Math.Ceiling(retryAfter.TotalSeconds));
            _metrics.AuthenticationThrottled();
            context.Transaction.SetRetryAfter(retryAfter);
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "Too many failed client authentications; retry later.");
            return;
        }

        var (client, failure, signed) = await VerifyAsync(context, assertion, clientId, context.CancellationToken).ConfigureAwait(false);
        if (context.IsRejected)
        {
            // A store outage: nobody is authenticated, and it is not the client's failure.
            return;
        }

        if (client is null)
        {
            if (signed)
            {
                // Signed by the client's own key (expired, replayed, for another audience): the client's failure.
                _limiter.RecordFailure(clientId, address);
            }
            else
            {
                // Its iss is anyone's claim, and a signature cannot be guessed: throttling the named client
                // would let any caller lock it out, so only the caller's address is counted.
                _limiter.RecordAddressFailure(address);
            }

            IdentityLog.AuthenticationFailed(_logger, clientId, address);
            IdentityLog.AssertionRefused(_logger, clientId, failure!);
            context.Reject(OpenIddictConstants.Errors.InvalidClient, failure);
            return;
        }

        if (string.IsNullOrEmpty(request.ClientId))
        {
            // RFC 7523 §3: the assertion's issuer is the client; OpenIddict's client id checks read it from here.
            request.ClientId = client.ClientId;
        }

        context.Transaction.SetClient(client);
    }

    /// <summary>The client the assertion authenticates, or why not, and whether its signature verified with the client's key.</summary>
    private async Task<(RegisteredClient? Client, string? Failure, bool Signed)> VerifyAsync(
        ProcessAuthenticationContext context, JsonWebToken assertion, string clientId, CancellationToken cancellationToken)
    {
        if (assertion.IsEncrypted)
        {
            return (null, "Encrypted client assertions are not supported; sign it (JWS) only.", false);
        }

        if (clientId.Length == 0 || Claim(assertion, JwtRegisteredClaimNames.Sub) != clientId)
        {
            return (null, "The client assertion's 'iss' and 'sub' must both be the client id.", false);
        }

        if (context.Request.ClientId is { Length: > 0 } formClientId && formClientId != clientId)
        {
            return (null, "'client_id' differs from the client assertion's 'iss' and 'sub'.", false);
        }

        var client = _clients.Find(clientId);
        if (client is null || client.AssertionKeys.Count == 0)
        {
            // Unknown clients and clients with a secret get the same answer: no client id is confirmed.
            return (null, "The client is not registered for private_key_jwt.", false);
        }

        var algorithm = assertion.Alg;
        if (!ClientPublicKeys.SupportedAlgorithms.Contains(algorithm))
        {
            return (null, $"The client assertion's alg '{algorithm}' is refused: sign with one of {string.Join(", ", ClientPublicKeys.SupportedAlgorithms.Order(StringComparer.Ordinal))}.", false);
        }

        var kid = assertion.Kid;
        var candidates = client.AssertionKeys
            .Where(k => (string.IsNullOrEmpty(kid) || k.KeyId == kid) && k.Algorithms.Contains(algorithm))
            .Select(k => k.Key)
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, string.IsNullOrEmpty(kid)
                ? $"None of the client's keys signs with '{algorithm}'."
                : $"The client has no key '{kid}' for '{algorithm}'.", false);
        }

        var result = await Tokens.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKeys = candidates,
            ValidAlgorithms = [algorithm],
            TryAllIssuerSigningKeys = true,
            RequireSignedTokens = true,
            // Issuer, audience and lifetime are checked below, against our issuer and our TimeProvider.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateIssuerSigningKey = false,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, "The client assertion's signature does not verify with the client's registered key.", false);
        }

        if (await CheckClaimsAsync(context, assertion, cancellationToken).ConfigureAwait(false) is { } claimFailure)
        {
            return (null, claimFailure, true);
        }

        var jti = Claim(assertion, JwtRegisteredClaimNames.Jti);
        if (string.IsNullOrEmpty(jti) || jti.Length > MaxTokenIdLength)
        {
            return (null, $"The client assertion needs a 'jti' of at most {MaxTokenIdLength} characters, unique per assertion.", true);
        }

        try
        {
            // Kept as long as the assertion could still be accepted, skew included. The id is scoped by client (RFC 7519 §4.1.7).
            if (!await _used.TryRecordAsync(clientId + ":" + jti, new DateTimeOffset(assertion.ValidTo, TimeSpan.Zero) + ClockSkew, cancellationToken).ConfigureAwait(false))
            {
                return (null, "The client assertion was used before: make a new one, with a new 'jti', for every request.", true);
            }
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            GatewayServerErrors.RejectOutage(context, outage);
            return (null, null, true);
        }

        return (client, null, true);
    }

    private async Task<string?> CheckClaimsAsync(ProcessAuthenticationContext context, JsonWebToken assertion, CancellationToken cancellationToken)
    {
        var audiences = await AcceptedAudiencesAsync(context, cancellationToken).ConfigureAwait(false);
        if (!assertion.Audiences.Any(a => audiences.Contains(a.TrimEnd('/'))))
        {
            return "The client assertion's 'aud' must name this authorization server: its issuer or its token endpoint URL.";
        }

        var now = _time.GetUtcNow();
        // NumericDate may carry a fraction (RFC 7519 §2); the token's own properties read either form.
        if (!assertion.TryGetPayloadValue<object>(JwtRegisteredClaimNames.Exp, out _))
        {
            return "The client assertion needs an 'exp'.";
        }

        var expiresAt = new DateTimeOffset(assertion.ValidTo, TimeSpan.Zero);
        if (expiresAt + ClockSkew <= now)
        {
            return "The client assertion has expired.";
        }

        if (assertion.TryGetPayloadValue<object>(JwtRegisteredClaimNames.Nbf, out _) && new DateTimeOffset(assertion.ValidFrom, TimeSpan.Zero) > now + ClockSkew)
        {
            return "The client assertion is not valid yet ('nbf' is in the future).";
        }

        DateTimeOffset? issuedAt = assertion.TryGetPayloadValue<object>(JwtRegisteredClaimNames.Iat, out _) ? new DateTimeOffset(assertion.IssuedAt, TimeSpan.Zero) : null;
        if (issuedAt > now + ClockSkew)
        {
            return "The client assertion was issued in the future ('iat').";
        }

        if (expiresAt - (issuedAt ?? now) > MaxLifetime + (issuedAt is null ? ClockSkew : TimeSpan.Zero))
        {
            return $"The client assertion lives too long: 'exp' may be at most {MaxLifetime.TotalMinutes:0} minutes after 'iat'.";
        }

        return null;
    }

    private async Task<HashSet<string>> AcceptedAudiencesAsync(ProcessAuthenticationContext context, CancellationToken cancellationToken)
    {
        // The issuer (RFC 7523 §3), and the token endpoint's URL (or that of the endpoint called), under the
        // configured issuer and under the address the request came to, which is what the metadata shows.
        var bases = new List<string> { (await _issuer.GetAsync(cancellationToken).ConfigureAwait(false)).TrimEnd('/') };
        if (context.BaseUri is { } baseUri)
        {
            bases.Add(baseUri.AbsoluteUri.TrimEnd('/'));
        }

        var paths = new[] { string.Empty, TokenEndpoint.Path, TokenEndpoint.AliasPath, context.RequestUri?.AbsolutePath ?? string.Empty };
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in bases)
        {
            foreach (var path in paths)
            {
                accepted.Add((root + path).TrimEnd('/'));
            }
        }

        return accepted;
    }

    private static string Address(HttpRequest http) => http.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Claim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value : null;
}
