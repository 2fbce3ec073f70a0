using System.Security.Cryptography;
using System.Text;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary><c>Authorization: Token &lt;key&gt;</c> on every call; anything else is 401.</summary>
internal sealed class GuestManagerTokenAuthFilter(GuestManagerSandboxSettings settings) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string Scheme = "Token ";
        var key = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(settings.ApiKey)))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Token";
            return TypedResults.Json(
                new { type = "unauthorized", message = "The API key is missing or invalid; send Authorization: Token <key>.", detail = (object?)null },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
