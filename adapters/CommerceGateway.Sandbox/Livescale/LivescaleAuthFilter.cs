using CommerceGateway.Sandbox.Hosting;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary>
/// Every call but <c>/oauth/token</c> needs <c>Authorization: Bearer {access_token}</c>. An unknown
/// or expired token is a 401 with an RFC 6750 <c>invalid_token</c> error, which tells the client
/// to fetch a new token.
/// </summary>
internal sealed class LivescaleAuthFilter : IEndpointFilter
{
    private const string ItemKey = "CommerceGateway.Sandbox.Livescale.Token";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.BearerToken() is not { } bearer)
        {
            return ValueTask.FromResult<object?>(Unauthorized(http, "invalid_request", "An Authorization: Bearer access token is required."));
        }

        var state = http.RequestServices.GetRequiredService<LivescaleState>();
        if (state.FindToken(bearer) is not { } token)
        {
            return ValueTask.FromResult<object?>(Unauthorized(http, "invalid_token", "The access token is unknown or expired; request a new one at /oauth/token."));
        }

        http.Items[ItemKey] = token;
        return next(context);
    }

    /// <summary>The access token the current request was authorized with.</summary>
    public static LivescaleAccessToken TokenOf(HttpContext http) =>
        http.Items[ItemKey] as LivescaleAccessToken ?? throw new InvalidOperationException("The Livescale auth filter did not run.");

    private static IResult Unauthorized(HttpContext http, string error, string message)
    {
        http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"livescale\", error=\"{error}\"";
        return LivescaleJson.Error(StatusCodes.Status401Unauthorized, error, message);
    }
}
