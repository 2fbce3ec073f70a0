using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using CommerceGateway.Identity.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Bearer;

/// <summary>Turns <see cref="GatewayJwtBearerOptions"/> into JwtBearer and authorization settings.</summary>
internal sealed class GatewayJwtBearerSetup : IConfigureNamedOptions<JwtBearerOptions>, IConfigureOptions<AuthorizationOptions>
{
    private static readonly string[] AccessTokenTypes = ["at+jwt", "application/at+jwt"];
    private readonly GatewayJwtBearerOptions _options;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;

    public GatewayJwtBearerSetup(IOptions<GatewayJwtBearerOptions> options, TimeProvider time, IServiceProvider services)
    {
        _options = options.Value;
        _time = time;
        _services = services;
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != _options.SchemeName)
        {
            return;
        }

        var authority = _options.Authority;
        SigningKeyManager? localKeys = null;
        if (authority is null)
        {
            // Our own tokens: issuer and keys come from this process (the issuer may be known only
            // once the server listens), so nothing is fetched and no issuer is fixed here.
            localKeys = _services.GetRequiredService<SigningKeyManager>();
            options.ConfigurationManager = new LocalIssuerConfigurationManager(
                localKeys,
                _services.GetRequiredService<IdentityIssuer>(),
                _time,
                _options.RefreshInterval);
        }
        else
        {
            options.Authority = authority;
            options.MetadataAddress = _options.MetadataAddress ?? authority.TrimEnd('/') + "/.well-known/openid-configuration";
            options.RequireHttpsMetadata = _options.RequireHttpsMetadata;
            options.BackchannelHttpHandler = _options.BackchannelHttpHandler;
            options.AutomaticRefreshInterval = _options.AutomaticRefreshInterval;
            options.RefreshInterval = _options.RefreshInterval;
        }

        options.MapInboundClaims = false;
        options.TimeProvider = _time;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            // Null for our own tokens: the configuration manager supplies the issuer.
            ValidIssuer = authority,
            ValidAudiences = _options.Audiences,
            RequireAudience = true,
            ValidAlgorithms = _options.Algorithms,
            ValidTypes = AccessTokenTypes,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = TokenLifetime.Validator(_time, _options.ClockSkew),
            NameClaimType = "client_id",
        };
        if (_options.ValidatedTokenCacheSize > 0)
        {
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new CachingJsonWebTokenHandler(_time, _options.ValidatedTokenCacheSize) { MapInboundClaims = false });
        }

        // Revocation runs after validation, cached or not: a revoked token is refused on its next
        // request. A store outage fails closed with 503 rather than 401 (BearerStoreOutage).
        var outage = new BearerStoreOutage(localKeys);
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = RejectRevokedAsync,
            OnAuthenticationFailed = outage.OnAuthenticationFailedAsync,
            OnChallenge = BearerStoreOutage.OnChallengeAsync,
        };
    }

    public void Configure(AuthorizationOptions options)
    {
        foreach (var (policyName, scopes) in _options.ScopePolicies)
        {
            options.AddPolicy(policyName, policy => policy.AddAuthenticationSchemes(_options.SchemeName).RequireScope([.. scopes]));
        }
    }

    private static async Task RejectRevokedAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken { Id.Length: > 0 } token)
        {
            context.Fail("The access token has no 'jti'.");
            return;
        }

        var revoked = context.HttpContext.RequestServices.GetRequiredService<IRevokedTokenStore>();
        bool isRevoked;
        try
        {
            isRevoked = await revoked.IsRevokedAsync(token.Id, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            // Fail closed: a token whose revocation cannot be checked is not accepted.
            BearerStoreOutage.Fail(context.HttpContext, outage, context.Fail);
            return;
        }

        if (isRevoked)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<GatewayJwtBearerSetup>>();
            IdentityLog.RevokedTokenRejected(logger, token.Id);
            context.Fail("The access token was revoked.");
        }
    }
}
