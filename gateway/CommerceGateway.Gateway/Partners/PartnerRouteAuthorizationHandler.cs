using Microsoft.AspNetCore.Authorization;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// The partner-route requirement for ASP.NET Core's authorization service (<see cref="PartnerRouteCheck"/>).
/// Partner requests themselves are decided by <see cref="PartnerRoutePolicyEvaluator"/>, which runs the
/// same check without the service.
/// </summary>
internal sealed class PartnerRouteAuthorizationHandler : AuthorizationHandler<PartnerRouteRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerRouteRequirement requirement)
    {
        switch (PartnerRouteCheck.Evaluate(context.Resource as HttpContext, context.User, this, out var refusal))
        {
            case PartnerRouteCheck.Verdict.Allowed:
                context.Succeed(requirement);
                break;
            case PartnerRouteCheck.Verdict.Refused:
                context.Fail(refusal!);
                break;
            default:
                // Deny rather than guess: the requirement stays unmet.
                break;
        }

        return Task.CompletedTask;
    }
}
