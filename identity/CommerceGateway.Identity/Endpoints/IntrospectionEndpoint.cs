using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using CommerceGateway.Identity.Tokens;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>Token introspection (RFC 7662) for authenticated clients: <c>active:false</c> for anything not live and ours.</summary>
internal static class IntrospectionEndpoint
{
    public const string Path = "/oauth/introspect";

    public static void MapIntrospectionEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync).WithName("IdentityIntrospection").DisableAntiforgery();

    private static async Task HandleAsync(HttpContext context, ClientAuthentication authentication, AccessTokenValidator validator)
    {
        var cancellationToken = context.RequestAborted;
        var (parameters, error) = await OAuthRequestReader.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var (client, authError) = error is null ? authentication.Authenticate(context, parameters!) : (null, null);
        var token = parameters?.Get("token");
        error ??= authError ?? (token is null ? OAuthError.InvalidRequest("'token' is required.") : null);
        if (error is not null)
        {
            await OAuthResponses.WriteErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        var jwt = await validator.ValidateAsync(token!, checkLifetime: true, cancellationToken).ConfigureAwait(false);
        if (jwt is null || await validator.IsRevokedAsync(jwt, cancellationToken).ConfigureAwait(false))
        {
            await OAuthResponses.WriteJsonAsync(context, StatusCodes.Status200OK, writer => writer.WriteBoolean("active", false)).ConfigureAwait(false);
            return;
        }

        await OAuthResponses.WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteBoolean("active", true);
            if (jwt.TryGetPayloadValue<string>("scope", out var scope))
            {
                writer.WriteString("scope", scope);
            }

            writer.WriteString("client_id", jwt.TryGetPayloadValue<string>("client_id", out var clientId) ? clientId : jwt.Subject);
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("exp", ToUnix(jwt.ValidTo));
            writer.WriteNumber("iat", ToUnix(jwt.IssuedAt));
            writer.WriteNumber("nbf", ToUnix(jwt.ValidFrom));
            writer.WriteString("sub", jwt.Subject);
            WriteAudience(writer, jwt);
            writer.WriteString("iss", jwt.Issuer);
            writer.WriteString("jti", jwt.Id);
        }).ConfigureAwait(false);
    }

    private static void WriteAudience(System.Text.Json.Utf8JsonWriter writer, JsonWebToken jwt)
    {
        var audiences = jwt.Audiences.ToList();
        if (audiences.Count == 1)
        {
            writer.WriteString("aud", audiences[0]);
            return;
        }

        writer.WriteStartArray("aud");
        audiences.ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
    }

    private static long ToUnix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
