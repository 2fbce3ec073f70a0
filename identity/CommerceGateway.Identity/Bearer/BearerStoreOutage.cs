using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// Bearer-token validation during a store outage fails closed without blaming the token: the
/// authentication result fails with the <see cref="IdentityStoreUnavailableException"/> (so nothing
/// downstream treats the caller as authenticated), and the challenge answers 503 with
/// <c>Retry-After</c> instead of RFC 6750's 401 <c>invalid_token</c>, which would tell the client to
/// throw away a token that may be perfectly good.
/// </summary>
internal sealed class BearerStoreOutage(SigningKeyManager? localKeys)
{
    /// <summary>The <c>extensions.code</c> (GraphQL) and ProblemDetails <c>code</c> of the answer.</summary>
    public const string Code = "STATE_STORE_UNAVAILABLE";

    private const string Detail = "The access token could not be checked because the gateway's state store is unavailable; retry shortly with the same token.";

    /// <summary>
    /// A validation failure caused by the store, or one the store may have caused: our token handler
    /// swallows a key-store failure and reports the token as signed by an unknown key, so when our
    /// own keys cannot be read now, the failure is the outage's, not the token's.
    /// </summary>
    public async Task OnAuthenticationFailedAsync(AuthenticationFailedContext context)
    {
        var outage = StoreOutage.Find(context.Exception) ?? await LocalKeysUnreadableAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (outage is not null)
        {
            Fail(context.HttpContext, outage, context.Fail);
        }
    }

    /// <summary>Answers 503 when authentication failed for the outage; any other failure keeps RFC 6750's 401.</summary>
    public static async Task OnChallengeAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is not IdentityStoreUnavailableException)
        {
            return;
        }

        context.HandleResponse();
        var response = context.Response;
        response.Headers.RetryAfter = ((long)StoreOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        await Results.Problem(
            detail: Detail,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Service Unavailable",
            extensions: new Dictionary<string, object?> { ["code"] = Code }).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }

    /// <summary>Fails the authentication result with the outage, so the challenge (or the host) can tell it from a bad token.</summary>
    public static void Fail(HttpContext http, IdentityStoreUnavailableException outage, Action<Exception> fail)
    {
        var logger = http.RequestServices.GetRequiredService<ILogger<BearerStoreOutage>>();
        IdentityLog.BearerCheckUnavailable(logger, outage.Message);
        fail(outage);
    }

    private async Task<IdentityStoreUnavailableException?> LocalKeysUnreadableAsync(CancellationToken cancellationToken)
    {
        if (localKeys is null)
        {
            return null;
        }

        try
        {
            // Answered from memory unless a refresh is due, when it reads the store as validation did.
            await localKeys.GetKeySetAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (StoreOutage.Find(e) is { } outage)
        {
            return outage;
        }
    }
}
