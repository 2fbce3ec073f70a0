using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tokens;

/// <summary>Lifetime checks on an injected <see cref="TimeProvider"/>, since IdentityModel reads the system clock.</summary>
internal static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider time, TimeSpan clockSkew) =>
        (notBefore, expires, _, _) =>
        {
            if (expires is null)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            return (notBefore is null || now + clockSkew >= notBefore.Value.ToUniversalTime())
                && now - clockSkew < expires.Value.ToUniversalTime();
        };
}
