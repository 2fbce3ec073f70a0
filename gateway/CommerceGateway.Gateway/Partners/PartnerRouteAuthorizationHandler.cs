using Microsoft.AspNetCore.Authorization;
using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Checks the token against the metadata of the route being called. Reading the route at request
/// time (rather than one policy per route built at start-up) keeps hot-reloaded routes correct.
/// Runs on every partner request, so the token's grants are read once per principal (<see cref="PartnerGrants"/>).
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

        var grants = PartnerGrants.Of(context.User);
        if (!grants.HasAudience(audience))
        {
            context.Fail(PartnerRouteRefusal.WrongAudience(this, audience));
        }
        else if (!grants.HasEveryScope(scope))
        {
            context.Fail(PartnerRouteRefusal.MissingScope(this, scope));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
