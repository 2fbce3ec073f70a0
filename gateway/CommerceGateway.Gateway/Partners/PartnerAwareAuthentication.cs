using Microsoft.AspNetCore.Authentication;
using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Authentication, with a shorter path for partner routes. ASP.NET Core's middleware first offers every
/// request to each scheme that handles requests itself (OpenIddict's server and validation, each
/// building a transaction and dispatching its request handlers) before it authenticates the default
/// scheme. A partner route is never one of the identity service's endpoints (they live outside
/// <c>/partners/</c>, which the route filter requires), so for a request routed to one only the default
/// scheme runs: the bearer scheme, which creates OpenIddict's transaction itself when a token needs the
/// full validation or a challenge. Every other request takes ASP.NET Core's middleware unchanged.
/// </summary>
internal sealed class PartnerAwareAuthentication
{
    // ASP.NET Core's own marker (AuthAppBuilderExtensions): without it, WebApplication adds its
    // authentication middleware at the start of the pipeline as well, and every request pays for both.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private readonly RequestDelegate _next;
    private readonly AuthenticationMiddleware _everyScheme;
    private readonly IAuthenticationSchemeProvider _schemes;

    public PartnerAwareAuthentication(RequestDelegate next, IAuthenticationSchemeProvider schemes)
    {
        _next = next;
        _schemes = schemes;
        _everyScheme = new AuthenticationMiddleware(next, schemes);
    }

    /// <summary>Adds this in place of <c>UseAuthentication</c>.</summary>
    public static void Use(IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseMiddleware<PartnerAwareAuthentication>();
    }

    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is null ? _everyScheme.Invoke(context) : PartnerAsync(context);

    private async Task PartnerAsync(HttpContext context)
    {
        if (await _schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is { } scheme)
        {
            var result = await context.AuthenticateAsync(scheme.Name).ConfigureAwait(false);
            if (result.Principal is { } principal)
            {
                context.User = principal;
            }
        }

        await _next(context).ConfigureAwait(false);
    }
}
