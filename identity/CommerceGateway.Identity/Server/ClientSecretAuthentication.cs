using Microsoft.AspNetCore;
using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.RateLimiting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Client authentication for the token, introspection and revocation endpoints: OpenIddict has read
/// <c>client_secret_basic</c> or <c>client_secret_post</c> (and refused both at once); this checks the
/// secret against the configured hash, behind the failed-authentication limiter. Degraded mode has no
/// application store, so OpenIddict leaves this step to us.
/// </summary>
internal sealed class ClientSecretAuthentication : IOpenIddictServerHandler<ProcessAuthenticationContext>, IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    private readonly ClientAuthenticator _authenticator;
    private readonly FailedAuthenticationLimiter _limiter;
    private readonly IdentityMetrics _metrics;
    private readonly ILogger _logger;

    public ClientSecretAuthentication(ClientAuthenticator authenticator, FailedAuthenticationLimiter limiter, IdentityMetrics metrics, ILogger<ClientSecretAuthentication> logger)
    {
        _authenticator = authenticator;
        _limiter = limiter;
        _metrics = metrics;
        _logger = logger;
    }

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
        .UseSingletonHandler<ClientSecretAuthentication>()
        .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <summary>
    /// A token request without client credentials is refused as RFC 6749 §5.2 says, <c>invalid_client</c>
    /// (401), before OpenIddict's parameter check would call it <c>invalid_request</c>.
    /// </summary>
    public static OpenIddictServerHandlerDescriptor MissingCredentialsDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<ClientSecretAuthentication>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateClientCredentialsParameters.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.Request.ClientSecret) && string.IsNullOrEmpty(context.Request.ClientAssertion))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "Client authentication is required: use client_secret_basic, client_secret_post or private_key_jwt.");
        }

        return default;
    }

    public ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType is not (OpenIddictServerEndpointType.Token or OpenIddictServerEndpointType.Introspection or OpenIddictServerEndpointType.Revocation)
            || context.Transaction.GetClient() is not null)
        {
            return default;
        }

        var http = context.Transaction.GetHttpRequest()!;
        var basic = http.Headers.Authorization.Count > 0;
        if (basic)
        {
            context.Transaction.SetUsedBasic();
            if (context.Transaction.GetBodyClientId() is { } bodyId && bodyId != context.Request.ClientId)
            {
                context.Reject(OpenIddictConstants.Errors.InvalidRequest, "'client_id' in the body differs from the Basic credentials.");
                return default;
            }
        }

        var clientId = context.Request.ClientId;
        var secret = context.Request.ClientSecret;
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "Client authentication is required: use client_secret_basic, client_secret_post or private_key_jwt.");
            return default;
        }

        var client = _authenticator.TryVerifyFast(clientId, secret);
        if (client is null)
        {
            var address = http.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (_limiter.RetryAfter(clientId, address) is { } retryAfter)
            {
                IdentityLog.AuthenticationThrottled(_logger, clientId, address, (long)Math.Ceiling(retryAfter.TotalSeconds));
                _metrics.AuthenticationThrottled();
                context.Transaction.SetRetryAfter(retryAfter);
                context.Reject(OpenIddictConstants.Errors.InvalidClient, "Too many failed client authentications; retry later.");
                return default;
            }

            client = _authenticator.VerifySlow(clientId, secret);
            if (client is null)
            {
                _limiter.RecordFailure(clientId, address);
                IdentityLog.AuthenticationFailed(_logger, clientId, address);
                context.Reject(OpenIddictConstants.Errors.InvalidClient, "Client authentication failed.");
                return default;
            }
        }

        context.Transaction.SetClient(client);
        return default;
    }
}
