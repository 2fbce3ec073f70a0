using System.Text;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary><c>POST /oauth/token</c> (RFC 6749 client credentials) and <c>POST /customers/login</c>.</summary>
internal static class LivescaleAuthEndpoints
{
    public static void MapToken(RouteGroupBuilder group) => group.MapPost("/oauth/token", IssueTokenAsync);

    public static void MapCustomerLogin(RouteGroupBuilder group) => group.MapPost("/customers/login", LoginAsync);

    private static async Task<IResult> IssueTokenAsync(HttpContext http, LivescaleState state)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_request", "grant_type is required.");
        }

        if (grantType != "client_credentials")
        {
            return TokenError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }

        var audience = form["audience"].ToString();
        if (audience.Length > 0 && audience != "livescale")
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_request", "audience must be \"livescale\".");
        }

        var (clientId, clientSecret) = ClientCredentials(http.Request, form);
        var merchant = LivescaleSeed.Merchants.FirstOrDefault(m => m.ClientId == clientId);
        if (merchant is null || !string.Equals(merchant.ClientSecret, clientSecret, StringComparison.Ordinal))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"livescale\"";
            return TokenError(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.");
        }

        var token = state.IssueToken(merchant);
        return LivescaleJson.Json(new { access_token = token.Value, token_type = "Bearer", expires_in = (int)LivescaleState.TokenLifetime.TotalSeconds });
    }

    private static async Task<IResult> LoginAsync(HttpContext http, LivescaleState state)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleLoginInput>(http.Request, optional: true);
        if (error is not null)
        {
            return error;
        }

        var type = body?.Type ?? "guest";
        if (type != "guest")
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "unsupported_customer_type", "Only guest customers are supported.");
        }

        // The customer_token is linked to the access token: baskets created with this access
        // token belong to this guest session.
        var token = LivescaleAuthFilter.TokenOf(http);
        var customerToken = LivescaleState.NewId("cus_", 12);
        lock (state.Gate)
        {
            token.CustomerToken = customerToken;
        }

        return LivescaleJson.Json(new { customer_token = customerToken, type });
    }

    // RFC 6749 section 2.3.1: client credentials in the body or with HTTP Basic.
    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static IResult TokenError(int status, string error, string description) =>
        LivescaleJson.Json(new { error, error_description = description }, status);
}
