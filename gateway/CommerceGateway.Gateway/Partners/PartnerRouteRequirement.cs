using Microsoft.AspNetCore.Authorization;

namespace CommerceGateway.Gateway.Partners;

/// <summary>The token must name the route's audience and hold every scope the route lists.</summary>
internal sealed class PartnerRouteRequirement : IAuthorizationRequirement;
