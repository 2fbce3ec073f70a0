using Microsoft.AspNetCore.Authorization;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// Why a valid token may not call a partner route: it names another audience, or lacks a scope the
/// route lists. Carried in the authorization failure so the 403 can say which (RFC 6750 section 3.1).
/// </summary>
internal sealed class PartnerRouteRefusal : AuthorizationFailureReason
{
    private PartnerRouteRefusal(IAuthorizationHandler handler, string message, string? requiredScope)
        : base(handler, message) => RequiredScope = requiredScope;

    /// <summary>The route's scopes, space separated, when the token lacks one of them.</summary>
    public string? RequiredScope { get; }

    public static PartnerRouteRefusal WrongAudience(IAuthorizationHandler handler, string audience) =>
        new(handler, $"The access token is not for the audience '{audience}'; request one with resource={audience}.", null);

    public static PartnerRouteRefusal MissingScope(IAuthorizationHandler handler, string scope) =>
        new(handler, $"This route needs the scope '{scope}', which the access token was not granted.", scope);

    /// <summary>The <c>WWW-Authenticate</c> value: <c>insufficient_scope</c>, with the scope the route needs when that is what is missing.</summary>
    public string Challenge() => RequiredScope is null
        ? $"Bearer error=\"insufficient_scope\", error_description=\"{Message}\""
        : $"Bearer error=\"insufficient_scope\", error_description=\"{Message}\", scope=\"{RequiredScope}\"";
}
