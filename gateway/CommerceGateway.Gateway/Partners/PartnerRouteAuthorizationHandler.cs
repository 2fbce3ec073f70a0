using Microsoft.AspNetCore.Authorization;
using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Checks the token against the metadata of the route being called. Reading the route at request
/// time (rather than one policy per route built at start-up) keeps hot-reloaded routes correct.
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

        var audiences = context.User.FindAll("aud").Select(c => c.Value);
        var granted = context.User.FindAll("scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var required = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (audiences.Contains(audience, StringComparer.Ordinal) && required.All(granted.Contains))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
