using CommerceGateway.Sandbox.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Net.Http.Headers;
using System.Text;

namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// The client-credentials token endpoint (<c>POST oauth/token</c>) and the Bearer check every other
/// booking call passes through; the token's channel is kept for the call.
/// </summary>
internal static class BookingAuth
{
    private const string ChannelItem = "CommerceGateway.Sandbox.Booking.Channel";

    public static void MapTokenEndpoint(RouteGroupBuilder group) =>
        group.MapPost("/oauth/token", async Task<IResult> (HttpRequest request, BookingTokens tokens) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
            if (!string.Equals(form["grant_type"].ToString(), "client_credentials", StringComparison.Ordinal))
            {
                return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported.");
            }

            var (clientId, clientSecret) = BasicCredentials(request) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
            var client = BookingTokens.Authenticate(clientId, clientSecret);
            if (client is null)
            {
                return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client or wrong secret.");
            }

            return TypedResults.Json(new BookingTokenAnswer(tokens.Issue(client), "Bearer", (int)BookingTokens.Lifetime.TotalSeconds));
        });

    /// <summary>The channel of the caller's token; the Bearer filter has set it.</summary>
    public static string Channel(this HttpContext context) => (string)context.Items[ChannelItem]!;

    /// <summary>Refuses calls without a valid Bearer token with 401 and the JSON error body.</summary>
    public static RouteGroupBuilder RequireBearer(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var channel = http.Request.BearerToken() is { } bearer
                ? http.RequestServices.GetRequiredService<BookingTokens>().ChannelOf(bearer)
                : null;
            if (channel is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return BookingErrorFilter.Error(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "A valid Bearer access token is required.");
            }

            http.Items[ChannelItem] = channel;
            return await next(context);
        });

    private static (string Id, string Secret)? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonHttpResult<BookingOAuthError> OAuthError(int status, string error, string description) =>
        TypedResults.Json(new BookingOAuthError(error, description), statusCode: status);
}

/// <summary>The token endpoint's answer (RFC 6749 field names).</summary>
internal sealed record BookingTokenAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The token endpoint's error (RFC 6749 field names).</summary>
internal sealed record BookingOAuthError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);
