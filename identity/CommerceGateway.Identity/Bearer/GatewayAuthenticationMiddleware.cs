using Microsoft.AspNetCore.Authentication;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// ASP.NET Core's authentication middleware, with a shorter path for the requests the host names.
/// ASP.NET Core's first offers every request to each scheme that handles requests itself (OpenIddict's
/// server and validation, each building a transaction and dispatching its request handlers) and then
/// authenticates the default scheme through a fresh handler. For a request that can reach no OpenIddict
/// endpoint, this asks <see cref="CachedBearerTickets"/> first and, for a token not answered there,
/// authenticates the default scheme alone, whose handler creates OpenIddict's transaction itself.
/// </summary>
internal sealed class GatewayAuthenticationMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IAuthenticationSchemeProvider _schemes;
    private readonly AuthenticationMiddleware _everyScheme;
    private readonly CachedBearerTickets _tickets;
    private readonly Func<HttpContext, bool> _reachesNoIdentityEndpoint;
    private readonly bool _ticketsAsIs;

    public GatewayAuthenticationMiddleware(
        RequestDelegate next,
        IAuthenticationSchemeProvider schemes,
        CachedBearerTickets tickets,
        IClaimsTransformation transformation,
        Func<HttpContext, bool> reachesNoIdentityEndpoint)
    {
        _next = next;
        _schemes = schemes;
        _everyScheme = new AuthenticationMiddleware(next, schemes);
        _tickets = tickets;
        _reachesNoIdentityEndpoint = reachesNoIdentityEndpoint;
        // A remembered ticket may skip AuthenticationService only when it would not have transformed it.
        _ticketsAsIs = transformation is NoopClaimsTransformation;
    }

    public Task InvokeAsync(HttpContext context) =>
        _reachesNoIdentityEndpoint(context) ? ShortAsync(context) : _everyScheme.Invoke(context);

    private Task ShortAsync(HttpContext context)
    {
        if (!_ticketsAsIs)
        {
            return DefaultSchemeAsync(context);
        }

        // Usually answered synchronously (the in-process revocation list, unchanged keys): no state machine then.
        var find = _tickets.FindAsync(context);
        if (find.IsCompletedSuccessfully)
        {
            if (find.Result is { } known)
            {
                context.User = known.Principal;
                return _next(context);
            }

            return DefaultSchemeAsync(context);
        }

        return AwaitedAsync(context, find);
    }

    private async Task AwaitedAsync(HttpContext context, ValueTask<AuthenticationTicket?> find)
    {
        if (await find.ConfigureAwait(false) is { } known)
        {
            context.User = known.Principal;
            await _next(context).ConfigureAwait(false);
        }
        else
        {
            await DefaultSchemeAsync(context).ConfigureAwait(false);
        }
    }

    private async Task DefaultSchemeAsync(HttpContext context)
    {
        if (await _schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is { } scheme
            && (await context.AuthenticateAsync(scheme.Name).ConfigureAwait(false)).Principal is { } principal)
        {
            context.User = principal;
        }

        await _next(context).ConfigureAwait(false);
    }
}
