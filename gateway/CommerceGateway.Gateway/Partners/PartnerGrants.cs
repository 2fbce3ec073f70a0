using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// What a caller's token grants on partner routes (client id, audiences, scopes), read from its claims
/// once per principal. The bearer scheme hands the same principal to every request with the same token,
/// so the route check and the rate limiter stop walking (and allocating enumerators over) the claims on
/// every request. Claim types match ignoring case and values exactly, as ClaimsPrincipal.FindAll does.
/// </summary>
internal sealed class PartnerGrants
{
    private static readonly ConditionalWeakTable<ClaimsPrincipal, PartnerGrants> s_byPrincipal = [];
    private static readonly ConditionalWeakTable<ClaimsPrincipal, PartnerGrants>.CreateValueCallback s_read = Read;

    private readonly string[] _audiences;
    private readonly string[] _scopes;

    private PartnerGrants(string? clientId, string[] audiences, string[] scopes)
    {
        ClientId = clientId;
        _audiences = audiences;
        _scopes = scopes;
    }

    /// <summary>The first <c>client_id</c> claim, if any.</summary>
    public string? ClientId { get; }

    public static PartnerGrants Of(ClaimsPrincipal user) => s_byPrincipal.GetValue(user, s_read);

    public bool HasAudience(string audience) => Array.IndexOf(_audiences, audience) >= 0;

    /// <summary>Every space-separated scope in <paramref name="required"/> is granted.</summary>
    public bool HasEveryScope(string required)
    {
        var remaining = required.AsSpan();
        foreach (var range in remaining.Split(' '))
        {
            var needed = remaining[range];
            if (!needed.IsEmpty && !IsGranted(needed))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsGranted(ReadOnlySpan<char> needed)
    {
        foreach (var scope in _scopes)
        {
            if (needed.SequenceEqual(scope))
            {
                return true;
            }
        }

        return false;
    }

    private static PartnerGrants Read(ClaimsPrincipal user)
    {
        string? clientId = null;
        var audiences = new List<string>();
        var scopes = new List<string>();
        foreach (var claim in user.Claims)
        {
            if (string.Equals(claim.Type, "client_id", StringComparison.OrdinalIgnoreCase))
            {
                clientId ??= claim.Value;
            }
            else if (string.Equals(claim.Type, "aud", StringComparison.OrdinalIgnoreCase))
            {
                audiences.Add(claim.Value);
            }
            else if (string.Equals(claim.Type, "scope", StringComparison.OrdinalIgnoreCase))
            {
                scopes.AddRange(claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return new PartnerGrants(clientId, [.. audiences], [.. scopes]);
    }
}
