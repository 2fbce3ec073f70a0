using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Answers a partner route's refusal as RFC 6750 asks: 403 with <c>WWW-Authenticate: Bearer
/// error="insufficient_scope"</c> (and the route's <c>scope</c>), and a ProblemDetails that names the
/// missing scope or audience. Every other outcome goes to ASP.NET Core's default handler.
/// </summary>
internal sealed class PartnerRouteForbiddenHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && Refusal(authorizeResult.AuthorizationFailure) is { } refusal)
        {
            return RefuseAsync(context, refusal);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static PartnerRouteRefusal? Refusal(AuthorizationFailure? failure)
    {
        if (failure is null)
        {
            return null;
        }

        foreach (var reason in failure.FailureReasons)
        {
            if (reason is PartnerRouteRefusal refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private async Task RefuseAsync(HttpContext context, PartnerRouteRefusal refusal)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate = refusal.Challenge();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = refusal.RequiredScope is null ? "Token for another audience" : "Insufficient scope",
                Type = "https://www.rfc-editor.org/rfc/rfc6750#section-3.1",
                Detail = refusal.Message,
            },
        }).ConfigureAwait(false);
    }
}
