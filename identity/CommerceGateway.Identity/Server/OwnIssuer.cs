using CommerceGateway.Identity.Hosting;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CommerceGateway.Identity.Server;

/// <summary>
/// Keeps the issuer exactly as configured (<c>https://auth.example.com</c>): OpenIddict holds it as a
/// <see cref="Uri"/> and would write <c>https://auth.example.com/</c>, which verifiers that compare
/// <c>iss</c> as a string (RFC 8414 §3.3, RFC 9068 §4) would refuse. Without a configured issuer
/// (Development) it is the address the server listens on, as before.
/// </summary>
internal sealed class OwnIssuer : IOpenIddictServerHandler<ProcessSignInContext>, IOpenIddictServerHandler<ApplyConfigurationResponseContext>
{
    private readonly IdentityIssuer _issuer;

    public OwnIssuer(IdentityIssuer issuer) => _issuer = issuer;

    public static OpenIddictServerHandlerDescriptor SignInDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
        .UseSingletonHandler<OwnIssuer>()
        .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor ConfigurationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
        .UseSingletonHandler<OwnIssuer>()
        .SetOrder(int.MinValue + 100_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AccessTokenPrincipal?.SetClaim(OpenIddictConstants.Claims.Private.Issuer, await _issuer.GetAsync(context.CancellationToken).ConfigureAwait(false));
    }

    public async ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.Response.Error))
        {
            context.Response[OpenIddictConstants.Metadata.Issuer] = await _issuer.GetAsync(context.CancellationToken).ConfigureAwait(false);
        }
    }
}
