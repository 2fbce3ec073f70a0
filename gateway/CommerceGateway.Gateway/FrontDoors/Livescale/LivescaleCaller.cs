using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>Who calls and on which channel: set by <see cref="LivescaleAccessFilter"/> for every call but the token's.</summary>
/// <param name="Client">The OAuth client; baskets and orders belong to it, so they outlive any one access token.</param>
/// <param name="TokenId">The access token's <c>jti</c>, which a guest login is linked to.</param>
/// <param name="TokenExpires">When the access token expires.</param>
/// <param name="Channel">The channel of the base URL.</param>
internal sealed record LivescaleCaller(ClientContext Client, string TokenId, DateTimeOffset TokenExpires, Channel Channel)
{
    private const string ItemKey = "CommerceGateway.Gateway.FrontDoors.Livescale.Caller";

    public static LivescaleCaller Of(HttpContext http) =>
        http.Items[ItemKey] as LivescaleCaller ?? throw new InvalidOperationException("The Livescale access filter did not run.");

    public void Attach(HttpContext http) => http.Items[ItemKey] = this;
}
