using Microsoft.AspNetCore.Authorization;

namespace CommerceGateway.Identity;

/// <summary>Authorization on the space-separated <c>scope</c> claim of RFC 9068 access tokens.</summary>
public static class ScopeAuthorizationExtensions
{
    /// <summary>Requires every one of <paramref name="scopes"/> in the token's <c>scope</c> claim.</summary>
    /// <param name="policy">The policy being built.</param>
    /// <param name="scopes">The required scopes.</param>
    /// <returns>The policy builder, for chaining.</returns>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(scopes);
        return policy.RequireAuthenticatedUser().RequireAssertion(context =>
        {
            var granted = context.User.FindAll("scope")
                .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToHashSet(StringComparer.Ordinal);
            return scopes.All(granted.Contains);
        });
    }
}
