using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Checks the token against the metadata of the route being called. Reading the route at request
/// time (rather than one policy per route built at start-up) keeps hot-reloaded routes correct.
/// Runs on every partner request, so it walks the claims directly instead of building sets; claim
/// types match ignoring case and values exactly, as ClaimsPrincipal.FindAll does.
/// </summary>
internal sealed class PartnerRouteAuthorizationHandler : AuthorizationHandler<PartnerRouteRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerRouteRequirement requirement)
    {
        var metadata = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata;
        // No route metadata means this is not a partner route after all: deny rather than guess.
        if (metadata is null
            || !metadata.TryGetValue(PartnerRouteMetadata.Audience, out var audience)
            || !metadata.TryGetValue(PartnerRouteMetadata.Scope, out var scope))
        {
            return Task.CompletedTask;
        }

        if (!HasAudience(context.User, audience))
        {
            context.Fail(PartnerRouteRefusal.WrongAudience(this, audience));
        }
        else if (!HasEveryScope(context.User, scope))
        {
            context.Fail(PartnerRouteRefusal.MissingScope(this, scope));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool HasAudience(ClaimsPrincipal user, string audience)
    {
        foreach (var claim in user.Claims)
        {
            if (string.Equals(claim.Type, "aud", StringComparison.OrdinalIgnoreCase) && string.Equals(claim.Value, audience, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every space-separated scope the route requires is among the token's granted scopes.</summary>
    private static bool HasEveryScope(ClaimsPrincipal user, string required)
    {
        var remaining = required.AsSpan();
        foreach (var range in remaining.Split(' '))
        {
            var needed = remaining[range];
            if (!needed.IsEmpty && !IsGranted(user, needed))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsGranted(ClaimsPrincipal user, ReadOnlySpan<char> needed)
    {
        foreach (var claim in user.Claims)
        {
            if (!string.Equals(claim.Type, "scope", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var granted = claim.Value.AsSpan();
            foreach (var range in granted.Split(' '))
            {
                if (granted[range].SequenceEqual(needed))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
