using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using CommerceGateway.Identity.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Validation;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// Turns <see cref="GatewayJwtBearerOptions"/> into OpenIddict validation and authorization settings,
/// once at start-up: the configuration source, the fixed token validation parameters (algorithms,
/// lifetime on the injected clock, clock skew, name claim) and the validated-token cache. Per request
/// OpenIddict only clones those parameters and our handlers assign two fields and read the revocation list.
/// </summary>
internal sealed class GatewayValidationSetup : IConfigureOptions<OpenIddictValidationOptions>, IConfigureOptions<AuthorizationOptions>
{
    private readonly GatewayJwtBearerOptions _options;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;

    public GatewayValidationSetup(IOptions<GatewayJwtBearerOptions> options, TimeProvider time, IServiceProvider services)
    {
        _options = options.Value;
        _time = time;
        _services = services;
    }

    public void Configure(OpenIddictValidationOptions options)
    {
        BaseConfigurationManager source = _options.Authority is null ? LocalSource() : RemoteSource(_options.Authority);
        options.ConfigurationManager = new ConfigurationBridge(source);
        options.TimeProvider = _time;
        options.Audiences.UnionWith(_options.Audiences);

        var parameters = options.TokenValidationParameters;
        // IdentityModel reads the issuer and keys from the same source, checks "iss" against it exactly
        // and retries once after a refresh when a token names a key it has not seen yet.
        parameters.ConfigurationManager = source;
        parameters.ValidAlgorithms = _options.Algorithms;
        parameters.RequireSignedTokens = true;
        parameters.RequireExpirationTime = true;
        parameters.ValidateLifetime = true;
        parameters.ClockSkew = _options.ClockSkew;
        parameters.LifetimeValidator = TokenLifetime.Validator(_time, _options.ClockSkew);
        parameters.NameClaimType = "client_id";
        if (_options.ValidatedTokenCacheSize > 0)
        {
            options.JsonWebTokenHandler = new CachingJsonWebTokenHandler(_time, _options.ValidatedTokenCacheSize)
            {
                MapInboundClaims = false,
                SetDefaultTimesOnTokenCreation = false,
            };
        }
    }

    public void Configure(AuthorizationOptions options)
    {
        foreach (var (policyName, scopes) in _options.ScopePolicies)
        {
            options.AddPolicy(policyName, policy => policy
                .AddAuthenticationSchemes(GatewayBearerDefaults.AuthenticationScheme)
                .RequireScope([.. scopes]));
        }
    }

    /// <summary>Our own tokens: issuer and keys from this process (the issuer may be known only once the server listens); nothing is fetched.</summary>
    private LocalIssuerConfigurationManager LocalSource() => new(
        _services.GetRequiredService<SigningKeyManager>(),
        _services.GetRequiredService<IdentityIssuer>(),
        _time,
        _options.RefreshInterval);

    private ConfigurationManager<OpenIdConnectConfiguration> RemoteSource(string authority)
    {
        // Lives as long as the process: one backchannel for every metadata and JWKS read.
#pragma warning disable CA2000
        var http = new HttpClient(_options.BackchannelHttpHandler ?? new HttpClientHandler()) { Timeout = TimeSpan.FromSeconds(30) };
#pragma warning restore CA2000
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            _options.MetadataAddress ?? authority.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = _options.RequireHttpsMetadata })
        {
            AutomaticRefreshInterval = _options.AutomaticRefreshInterval,
            RefreshInterval = _options.RefreshInterval,
        };
    }
}
