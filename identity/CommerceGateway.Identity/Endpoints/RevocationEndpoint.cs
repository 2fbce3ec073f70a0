using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.Tokens;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Identity.Endpoints;

/// <summary>
/// Token revocation (RFC 7009): the token's <c>jti</c> goes on the shared revocation list until the token
/// expires. Unknown, expired and already revoked tokens answer 200 too.
/// </summary>
internal static class RevocationEndpoint
{
    public const string Path = "/oauth/revoke";

    public static void MapRevocationEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync).WithName("IdentityRevocation").DisableAntiforgery();

    private static async Task HandleAsync(HttpContext context, ClientAuthentication authentication, AccessTokenValidator validator, IRevokedTokenStore revoked, TimeProvider time, ILogger<ClientAuthentication> logger)
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

        var jwt = await validator.ValidateAsync(token!, checkLifetime: false, cancellationToken).ConfigureAwait(false);
        var expiresAt = jwt is null ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        if (jwt is not null && expiresAt > time.GetUtcNow())
        {
            var owner = jwt.TryGetPayloadValue<string>("client_id", out var clientId) ? clientId : jwt.Subject;
            if (owner != client!.ClientId)
            {
                await OAuthResponses.WriteErrorAsync(context, new OAuthError(StatusCodes.Status400BadRequest, "unauthorized_client", "The token was issued to another client.")).ConfigureAwait(false);
                return;
            }

            await revoked.RevokeAsync(jwt.Id, expiresAt, cancellationToken).ConfigureAwait(false);
            IdentityLog.TokenRevoked(logger, client.ClientId, jwt.Id);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store";
    }
}
